/**
 * Hash routing (`#/users`, `#/users/123`, `#/users/new`) with a leave guard: a view with unsaved
 * changes registers a guard, and any navigation — a link, Cancel, the Back button, a typed URL —
 * is held until the administrator confirms. Closing the tab is asked about via beforeunload.
 */

/** Answers true while the current view has changes that would be lost by leaving. */
export type LeaveGuard = () => boolean;

function pathOfHash(hash: string): string {
  return hash.startsWith('#/') ? hash.slice(1) : '';
}

/** The current route path and the navigation waiting for a "discard changes?" answer. */
export class Router {
  /** Path without the `#`, e.g. `/users/12`; empty until a route is chosen. */
  path = $state(pathOfHash(window.location.hash));
  /** A navigation held back by the leave guard, until confirmed or cancelled. */
  pending = $state<string | null>(null);
  /** How many in-app navigations happened; views move focus only after the first. */
  navigations = $state(0);
  #guard: LeaveGuard | null = null;

  constructor() {
    window.addEventListener('hashchange', () => this.#onHashChange());
    window.addEventListener('beforeunload', (event) => {
      if (this.#guard?.()) event.preventDefault();
    });
  }

  /** Registers the current view's guard; returns the function that removes it. */
  setGuard(guard: LeaveGuard): () => void {
    this.#guard = guard;
    return () => {
      if (this.#guard === guard) this.#guard = null;
    };
  }

  /** Navigates to `path` (e.g. `/users/5`), through the leave guard. */
  go(path: string): void {
    if (path === this.path) return;
    if (this.#guard?.()) {
      // Ask before touching history, so that staying leaves no extra entry behind.
      this.pending = path;
      return;
    }
    window.location.hash = '#' + path;
  }

  /** Replaces the current entry without asking (e.g. `/users/new` becoming `/users/42`). */
  replace(path: string): void {
    window.history.replaceState(window.history.state, '', '#' + path);
    this.path = path;
  }

  /** The administrator chose to discard changes: carry out the held navigation. */
  confirmLeave(): void {
    const target = this.pending;
    this.pending = null;
    this.#guard = null;
    if (target !== null) this.go(target);
  }

  /** The administrator chose to stay. */
  cancelLeave(): void {
    this.pending = null;
  }

  #onHashChange(): void {
    const next = pathOfHash(window.location.hash);
    if (next === this.path) return;
    if (this.#guard?.()) {
      // Put the address back (replaceState fires no hashchange) and ask first.
      window.history.replaceState(window.history.state, '', '#' + this.path);
      this.pending = next;
      return;
    }
    this.path = next;
    this.navigations += 1;
  }
}

/** The app's one router. */
export const router = new Router();
