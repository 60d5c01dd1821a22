import { dialog, type BrowserWindow, type MessageBoxSyncOptions } from 'electron';

/**
 * The question the renderer asks before leaving unsaved View Details changes (the leave dialog
 * in src-renderer/App.svelte), word for word, so closing the window asks it the same way.
 * test/security/electron-window-guards.test.ts checks the two stay the same.
 */
export const LEAVE_QUESTION = {
  title: 'Leave without saving?',
  message: 'You have changes that are not saved. If you leave now, they will be lost.',
  leave: 'Discard changes',
  stay: 'Stay on this page',
} as const;

/** The message box's buttons in order: index 0 leaves, index 1 (default, Escape) stays. */
const LEAVE_BUTTON = 0;
const STAY_BUTTON = 1;

/** The native message box asking {@link LEAVE_QUESTION}; staying is the default and Escape. */
export function leaveQuestionBox(): MessageBoxSyncOptions {
  return {
    type: 'question',
    title: LEAVE_QUESTION.title,
    message: LEAVE_QUESTION.title,
    detail: LEAVE_QUESTION.message,
    buttons: [LEAVE_QUESTION.leave, LEAVE_QUESTION.stay],
    defaultId: STAY_BUTTON,
    cancelId: STAY_BUTTON,
    noLink: true,
  };
}

/**
 * Asks before the window's page unloads while it has unsaved changes. The renderer's router
 * blocks `beforeunload` then; Electron answers that with `will-prevent-unload` and, unlike a
 * browser, asks nothing by itself, so without this closing the window (or Quit, or a reload)
 * would silently do nothing. Leaving calls `preventDefault()`, which lets the unload go ahead.
 */
export function askBeforeUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    // Synchronous on purpose: the unload waits for this answer (Electron's documented pattern).
    const choice = dialog.showMessageBoxSync(window, leaveQuestionBox());
    if (choice === LEAVE_BUTTON) event.preventDefault();
  });
}
