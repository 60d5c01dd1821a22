/**
 * Pacing of a bulk send: "Parallel connections" and "Messages per minute" are honoured, and
 * Cancel does not wait out a pause. Time is the test's clock: pauses move it, nobody waits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addManyUsers } from './helpers.js';
import { runCleanups, send, setUp } from './runner-harness.js';

afterEach(runCleanups);

describe('pacing a bulk send', () => {
  it('never has more connections open than Parallel connections', async () => {
    const h = await setUp({ connections: 3, script: () => ({ delayMs: 40 }) });
    const ids = addManyUsers(h.t.db, 12);

    const { status } = await send(h, ids);

    expect(status.job.counts.sent).toBe(12);
    expect(h.server.maxSimultaneous).toBeLessThanOrEqual(3);
    // …and does use them: the limit is reached, not just respected by sending one at a time.
    expect(h.server.maxSimultaneous).toBe(3);
  });

  it('starts at most Messages per minute in any minute of the clock', async () => {
    const h = await setUp({ connections: 1, settings: { messagesPerMinute: 4 } });
    const ids = addManyUsers(h.t.db, 10);
    const start = h.clock().getTime();

    const { status } = await send(h, ids);

    expect(status.job.counts.sent).toBe(10);
    // Each message is dated by the app's clock when it is handed to the server.
    const minutes = h.server.received.map((m) => ((m.date?.getTime() ?? NaN) - start) / 60_000);
    expect(minutes).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
    expect(h.pauses).toEqual([60_000, 60_000]);
  });

  it('Cancel ends a retry pause at once; the row stays queued for Resume', async () => {
    let pausing: (() => void) | undefined;
    const paused = new Promise<void>((resolve) => (pausing = resolve));
    const h = await setUp({
      connections: 1,
      script: (to, attempt) =>
        to === 'user1@example.com' && attempt === 1
          ? { reply: 451, message: '4.3.0 Try again later' }
          : 'accept',
      // A pause that would last for ever unless Cancel cuts it short.
      runner: {
        sleep: (_ms, signal) =>
          new Promise<void>((resolve) => {
            pausing?.();
            signal.addEventListener('abort', () => resolve(), { once: true });
          }),
      },
    });
    const ids = addManyUsers(h.t.db, 2);
    const defaults = await h.handlers['mail.defaults'](undefined);
    const { jobId } = await h.handlers['mail.startJob']({ userIds: ids, form: defaults });
    await paused;
    // Nothing shows as being sent through the pause: the next row, claimed while the first was
    // being sent, went back to the queue.
    const duringPause = await h.handlers['mail.jobStatus']({ jobId });
    expect(duringPause.job.counts).toMatchObject({ queued: 2, sending: 0 });
    expect(duringPause.rows.map((r) => r.attempts)).toEqual([1, 0]);

    expect(await h.handlers['mail.cancelJob']({ jobId })).toEqual({ cancelled: true });
    await h.mail.runner.whenDone(jobId);

    const stopped = await h.handlers['mail.jobStatus']({ jobId });
    expect(stopped.job).toMatchObject({
      status: 'cancelled',
      counts: { queued: 2, sending: 0, sent: 0 },
    });
    expect(stopped.rows[0]!.error).toMatch(/try again later: 451 .*trying again/);
    expect(h.server.received).toHaveLength(0);

    await h.handlers['mail.resumeJob']({ jobId });
    await h.mail.runner.whenDone(jobId);
    expect((await h.handlers['mail.jobStatus']({ jobId })).job.counts.sent).toBe(2);
  });

  it('shutdown ends a rate-limit pause at once', async () => {
    let pausing: (() => void) | undefined;
    const paused = new Promise<void>((resolve) => (pausing = resolve));
    const h = await setUp({
      connections: 1,
      settings: { messagesPerMinute: 1 },
      runner: {
        sleep: (_ms, signal) =>
          new Promise<void>((resolve) => {
            pausing?.();
            signal.addEventListener('abort', () => resolve(), { once: true });
          }),
      },
    });
    const ids = addManyUsers(h.t.db, 3);
    const defaults = await h.handlers['mail.defaults'](undefined);
    const { jobId } = await h.handlers['mail.startJob']({ userIds: ids, form: defaults });
    await paused;

    await h.mail.stop();

    const stopped = await h.handlers['mail.jobStatus']({ jobId });
    expect(stopped.job).toMatchObject({ status: 'cancelled', counts: { sent: 1, queued: 2 } });
    expect(h.server.received).toHaveLength(1);
  });
});
