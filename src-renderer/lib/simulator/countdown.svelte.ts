/**
 * The "Resend Code (N seconds)" countdown: whole seconds left until a deadline, looked at a few
 * times a second. Counting from the deadline rather than subtracting one per tick keeps it true
 * when the browser slows timers (a window in the background). Only the visible label changes;
 * screen readers hear nothing until it reaches zero (the view announces that once), so a live
 * region never reads out every tick.
 */

/** Where the countdown gets the time and its ticks; the browser's by default, a test's in tests. */
export interface Ticker {
  /** Milliseconds since 1970. */
  now(): number;
  /** Calls `tick` every `ms` milliseconds until the answered function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The browser's clock and `setInterval`. */
export const BROWSER_TICKER: Ticker = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};

/** How often the deadline is looked at: often enough that the label is never a second late. */
const TICK_MS = 250;

/** Seconds left until an action (Resend Code) is available again. */
export class Countdown {
  /** Whole seconds left; 0 when the action is available. */
  seconds = $state(0);
  #deadline = 0;
  #stopTicking: (() => void) | undefined;
  #onDone: () => void;
  #ticker: Ticker;

  constructor(onDone: () => void = () => {}, ticker: Ticker = BROWSER_TICKER) {
    this.#onDone = onDone;
    this.#ticker = ticker;
  }

  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number): void {
    this.stop();
    this.#deadline = this.#ticker.now() + Math.max(0, Math.ceil(seconds)) * 1000;
    this.seconds = this.#secondsLeft();
    if (this.seconds === 0) return;
    this.#stopTicking = this.#ticker.every(TICK_MS, () => {
      this.seconds = this.#secondsLeft();
      if (this.seconds === 0) {
        this.stop();
        this.#onDone();
      }
    });
  }

  /** Stops ticking (leaving the screen). */
  stop(): void {
    this.#stopTicking?.();
    this.#stopTicking = undefined;
  }

  #secondsLeft(): number {
    return Math.max(0, Math.ceil((this.#deadline - this.#ticker.now()) / 1000));
  }
}
