/**
 * The Resend Code countdown with the time injected: the test moves a clock and ticks, nothing
 * waits. It counts from a deadline, so late or missed ticks (a window in the background) never
 * make it run slow.
 */
import { describe, expect, it } from 'vitest';
import { Countdown, type Ticker } from '../../../src-renderer/lib/simulator/countdown.svelte.js';

/** A clock the test moves, and the ticks it delivers on the way. */
class TestTicker implements Ticker {
  time = Date.UTC(2024, 2, 11, 12);
  private readonly timers = new Map<number, { ms: number; next: number; tick: () => void }>();
  private lastId = 0;

  now(): number {
    return this.time;
  }

  every(ms: number, tick: () => void): () => void {
    const id = ++this.lastId;
    this.timers.set(id, { ms, next: this.time + ms, tick });
    return () => this.timers.delete(id);
  }

  /** Moves the clock `ms` ahead, delivering every tick due on the way (or none: `quietly`). */
  advance(ms: number, quietly = false): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.values()].filter((t) => t.next <= end);
      const first = due.sort((a, b) => a.next - b.next)[0];
      if (!first || quietly) break;
      this.time = first.next;
      first.next += first.ms;
      first.tick();
    }
    this.time = end;
  }

  get running(): number {
    return this.timers.size;
  }
}

describe('Countdown', () => {
  it('counts whole seconds down to zero, then stops ticking and says so once', () => {
    const ticker = new TestTicker();
    let done = 0;
    const countdown = new Countdown(() => (done += 1), ticker);
    countdown.start(30);
    expect(countdown.seconds).toBe(30);
    ticker.advance(12_000);
    expect(countdown.seconds).toBe(18);
    ticker.advance(17_500);
    expect(countdown.seconds).toBe(1);
    expect(done).toBe(0);
    ticker.advance(500);
    expect(countdown.seconds).toBe(0);
    expect(done).toBe(1);
    expect(ticker.running).toBe(0);
    ticker.advance(10_000);
    expect(done).toBe(1);
  });

  it('stays true to the clock when ticks come late', () => {
    const ticker = new TestTicker();
    const countdown = new Countdown(() => {}, ticker);
    countdown.start(30);
    // Twenty seconds with no tick at all (a throttled background window), then one tick.
    ticker.advance(20_000, true);
    ticker.advance(250);
    expect(countdown.seconds).toBe(10);
  });

  it('restarts from a new value, and does not start at zero', () => {
    const ticker = new TestTicker();
    let done = 0;
    const countdown = new Countdown(() => (done += 1), ticker);
    countdown.start(30);
    ticker.advance(5_000);
    countdown.start(12);
    expect(countdown.seconds).toBe(12);
    expect(ticker.running).toBe(1);
    countdown.start(0);
    expect(countdown.seconds).toBe(0);
    expect(ticker.running).toBe(0);
    expect(done).toBe(0);
  });

  it('stops when the screen is left', () => {
    const ticker = new TestTicker();
    let done = 0;
    const countdown = new Countdown(() => (done += 1), ticker);
    countdown.start(3);
    countdown.stop();
    ticker.advance(5_000);
    expect(countdown.seconds).toBe(3);
    expect(done).toBe(0);
  });
});
