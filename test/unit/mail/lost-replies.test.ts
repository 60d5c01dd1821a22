/**
 * "None receives a message twice": a failure is retried only when it came before the whole
 * message was handed to the server. A lost reply after that is uncertain and is never sent again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lastTestResults } from '../../../src-main/mail/last-results.js';
import { addManyUsers } from './helpers.js';
import { byAddress, receivedBy, runCleanups, send, setUp } from './runner-harness.js';

afterEach(runCleanups);

describe('lost connections and replies in a bulk send', () => {
  it('retries a connection dropped before the message and delivers it once', async () => {
    const h = await setUp({
      script: (to, attempt) =>
        to === 'user2@example.com' && attempt === 1 ? 'drop-before-data' : 'accept',
    });
    const ids = addManyUsers(h.t.db, 3);

    const { status } = await send(h, ids);

    expect(status.job.counts).toMatchObject({ sent: 3, failed: 0, uncertain: 0 });
    expect(byAddress(status.rows, 'user2@example.com')).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    expect(h.server.attempts.get('user2@example.com')).toBe(2);
    expect(receivedBy(h, 'user2@example.com')).toHaveLength(1);
    expect(h.server.received).toHaveLength(3);
  });

  it('a message delivered whose reply was lost is uncertain and never sent again', async () => {
    const h = await setUp({
      script: (to) => (to === 'user2@example.com' ? 'deliver-then-drop' : 'accept'),
    });
    const ids = addManyUsers(h.t.db, 3);

    const { jobId, status } = await send(h, ids);

    expect(status.job.counts).toMatchObject({ sent: 2, uncertain: 1, failed: 0, queued: 0 });
    const lost = byAddress(status.rows, 'user2@example.com')!;
    expect(lost).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(lost.error).toMatch(
      /^The whole message was sent, then the connection to 127\.0\.0\.1:\d+ was lost before the server confirmed it\. It may or may not have been delivered, so it was not sent again/,
    );
    const toUser2 = () => receivedBy(h, 'user2@example.com');
    expect(toUser2()).toHaveLength(1);
    expect(h.server.attempts.get('user2@example.com')).toBe(1);
    expect(h.pauses).toEqual([]);

    // Neither Resume nor Retry failed sends it again.
    expect(await h.handlers['mail.resumeJob']({ jobId })).toEqual({ queued: 0 });
    expect(await h.handlers['mail.retryFailed']({ jobId })).toEqual({ requeued: 0 });
    await h.mail.runner.whenDone(jobId);
    expect(toUser2()).toHaveLength(1);
    expect(lastTestResults(h.t.db, [ids[1]!]).get(ids[1]!)).toMatchObject({
      status: 'uncertain',
    });
  });

  it('a message sent in full and then unanswered until the timeout is uncertain', async () => {
    const h = await setUp({
      script: (to) => (to === 'user1@example.com' ? { delayMs: 5_000 } : 'accept'),
      hooks: { socketTimeoutMs: 300 },
      connections: 1,
    });
    const ids = addManyUsers(h.t.db, 2);

    const { status } = await send(h, ids);

    const row = byAddress(status.rows, 'user1@example.com')!;
    expect(row).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(row.error).toMatch(/timed out waiting for 127\.0\.0\.1:\d+ to confirm it/);
    expect(byAddress(status.rows, 'user2@example.com')).toMatchObject({ status: 'sent' });
    expect(h.server.attempts.get('user1@example.com')).toBe(1);
  });

  it('a connection closed before the greeting is retried by the job, not by the pool', async () => {
    const h = await setUp({ dropFirstConnections: 1, connections: 1 });
    const ids = addManyUsers(h.t.db, 1);

    const { status } = await send(h, ids);

    expect(status.rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(h.pauses).toEqual([2000]);
    expect(h.server.received).toHaveLength(1);
  });
});
