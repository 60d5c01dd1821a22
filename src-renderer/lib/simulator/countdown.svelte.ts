/**
 * The "Resend Code (N seconds)" countdown: whole seconds left, ticking once a second. Only the
 * visible label changes each second; screen readers hear nothing until it reaches zero (the view
 * announces that once), so a live region never reads out every tick.
 */
export class Countdown {
  /** Whole seconds left; 0 when the action is available. */
  seconds = $state(0);
  #timer: ReturnType<typeof setInterval> | undefined;
  #onDone: () => void;

  constructor(onDone: () => void = () => {}) {
    this.#onDone = onDone;
  }

  /** Starts (or restarts) counting down from `seconds`. */
  start(seconds: number): void {
    this.stop();
    this.seconds = Math.max(0, Math.ceil(seconds));
    if (this.seconds === 0) return;
    this.#timer = setInterval(() => {
      this.seconds = Math.max(0, this.seconds - 1);
      if (this.seconds === 0) {
        this.stop();
        this.#onDone();
      }
    }, 1000);
  }

  /** Stops ticking (leaving the screen). */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
