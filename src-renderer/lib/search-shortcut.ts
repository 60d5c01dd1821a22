/**
 * Ctrl+F (Cmd+F on macOS) focuses the Manage Users search box, going to Manage Users first when
 * another screen is open. In an application "find" means finding users, so the browser's own
 * page search is replaced everywhere, in both shells alike.
 */
import { manageUsers } from './manage-users.svelte';
import { router } from './router.svelte';

const SEARCH_BOX_ID = 'user-search';
const USERS_PATH = '/users';
/** How long to wait for Manage Users to load before focusing the box anyway. */
const WAIT_LIMIT_MS = 3000;
const POLL_MS = 20;

/** Whether `event` is the find shortcut. */
export function isFindShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'f'
  );
}

/** Handles a keydown anywhere in the window: on the shortcut, focuses the search box. */
export function onFindShortcut(event: KeyboardEvent): void {
  if (!isFindShortcut(event)) return;
  event.preventDefault();
  focusUserSearch();
}

/** Focuses the search box (Ctrl/Cmd+F, and Edit → Find users… in the desktop menu). */
export function focusUserSearch(): void {
  // A modal dialog is open (a confirmation): it keeps the focus until it is answered.
  if (document.querySelector('dialog[open]')) return;
  if (router.path === USERS_PATH && searchBox()) {
    focusSearch();
    return;
  }
  const shownBefore = manageUsers.result;
  router.go(USERS_PATH);
  waitForUsers(shownBefore, Date.now());
}

/**
 * Manage Users moves focus itself once its first search answers (to its heading, or back to the
 * last user opened); focusing the box after that answer arrives keeps the box focused.
 */
function waitForUsers(shownBefore: unknown, started: number): void {
  if (router.pending !== null) return; // the "leave without saving?" question is being asked
  const loaded = manageUsers.result !== shownBefore && !manageUsers.loading;
  if (router.path === USERS_PATH && searchBox() && loaded) {
    focusSearch();
  } else if (Date.now() - started < WAIT_LIMIT_MS) {
    setTimeout(() => waitForUsers(shownBefore, started), POLL_MS);
  } else if (router.path === USERS_PATH) {
    focusSearch();
  }
}

function searchBox(): HTMLInputElement | null {
  const element = document.getElementById(SEARCH_BOX_ID);
  return element instanceof HTMLInputElement ? element : null;
}

function focusSearch(): void {
  const box = searchBox();
  box?.focus();
  box?.select();
}
