/**
 * "Messages per minute" for a bulk Send Email run: at most that many messages start in any
 * 60 seconds. It reads the app's clock and waits with the runner's sleep, so tests move time
 * instead of waiting, and Cancel cuts a wait short.
 */
import type { Clock } from '../app.js';

/** Waits of the runner: resolve after `ms`, or early once `signal` is aborted. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const WINDOW_MS = 60_000;

/** A sleep on real timers that an abort cuts short. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** A sliding-window limit shared by every connection of one run. */
export class RateLimiter {
  /** When each of the recent messages started (ms), oldest first, from `head` on. */
  private starts: number[] = [];
  private head = 0;
  /** Callers wait their turn one after another, so a slot is never given twice. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {}

  /** Waits until one more message may start; false when `signal` aborted the wait. */
  acquire(signal: AbortSignal): Promise<boolean> {
    const next = this.turn.then(() => this.waitForSlot(signal));
    this.turn = next.catch(() => {});
    return next;
  }

  private async waitForSlot(signal: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal.aborted) return false;
      const now = this.clock().getTime();
      while (this.head < this.starts.length && (this.starts[this.head] ?? 0) <= now - WINDOW_MS) {
        this.head++;
      }
      if (this.head > 1024 && this.head * 2 > this.starts.length) {
        this.starts = this.starts.slice(this.head);
        this.head = 0;
      }
      if (this.starts.length - this.head < this.perMinute) {
        this.starts.push(now);
        return true;
      }
      const oldest = this.starts[this.head] ?? now;
      await this.sleep(oldest + WINDOW_MS - now, signal);
    }
  }
}
