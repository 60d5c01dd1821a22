import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, LOG_FILE } from '../../../src-main/log/logger.js';
import { fixedClock, tempDir } from '../db/temp-db.js';

let folder: ReturnType<typeof tempDir> | undefined;
afterEach(() => folder?.cleanup());

function logger(maxBytes?: number) {
  folder = tempDir();
  const dir = path.join(folder.dir, 'logs');
  return { log: createFileLogger({ dir, clock: fixedClock(), maxBytes, keep: 5 }), dir };
}

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the log file', () => {
  it('writes one JSON line per event with time, level, event and fields', () => {
    const { log, dir } = logger();
    log.info('backup created', { fileName: 'trax-admin-x.db', sizeBytes: 4096 });
    log.warn('slow', {});
    log.error('request failed', { channel: 'users.save', error: new TypeError('boom') });
    const written = lines(path.join(dir, LOG_FILE));
    expect(written.map((l) => [l['level'], l['event']])).toEqual([
      ['info', 'backup created'],
      ['warn', 'slow'],
      ['error', 'request failed'],
    ]);
    expect(written[0]).toMatchObject({ time: '2026-01-02T03:04:05.000Z', sizeBytes: 4096 });
    expect(written[2]?.['error']).toMatchObject({ name: 'TypeError', errorMessage: 'boom' });
  });

  it('rotates by size into .1 … .5 and drops older files', () => {
    const { log, dir } = logger(1000);
    for (let i = 0; i < 200; i++) log.info('tick', { i, filler: 'x'.repeat(100) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      [1, 2, 3, 4, 5]
        .map((n) => `${LOG_FILE}.${n}`)
        .concat(LOG_FILE)
        .sort(),
    );
    for (const file of files) {
      expect(readFileSync(path.join(dir, file)).length).toBeLessThanOrEqual(1000);
    }
    // The newest line is in the current file, the lines just before it in .1.
    const current = lines(path.join(dir, LOG_FILE));
    expect(current.at(-1)?.['i']).toBe(199);
    const previous = lines(path.join(dir, `${LOG_FILE}.1`));
    expect(previous.at(-1)?.['i']).toBe(Number(current[0]?.['i']) - 1);
    expect(existsSync(path.join(dir, `${LOG_FILE}.6`))).toBe(false);
  });

  it('never writes passwords, codes, tokens or message bodies, at any depth', () => {
    const { log, dir } = logger();
    const secrets = [
      'Hunter2-Pa55word',
      '493817',
      'tok_8f3a9c',
      'Dear Dana, your PIN',
      '<p>hi</p>',
    ];
    log.info('sign in', {
      userName: 'FrontDesk',
      password: secrets[0],
      code: secrets[1],
      token: secrets[2],
      request: { body: secrets[3], html: secrets[4], text: secrets[3], smtpPassword: secrets[0] },
      attempts: [{ otp: secrets[1], secret: secrets[2] }],
    });
    const bytes = readFileSync(path.join(dir, LOG_FILE), 'utf8');
    for (const secret of secrets) expect(bytes).not.toContain(secret);
    expect(lines(path.join(dir, LOG_FILE))[0]).toMatchObject({ userName: 'FrontDesk' });
  });

  it('masks email addresses in what it keeps, such as a server reply in an error', () => {
    const { log, dir } = logger();
    const reply = '550 5.1.1 <office.manager@maricopa-cares.org>: Recipient address rejected';
    log.error('request failed', {
      error: new Error(`The server refused the message: ${reply}`),
      note: `bounced: jane@agency.gov, ${'x'.repeat(280)} dana.front@agency.gov`,
    });
    const bytes = readFileSync(path.join(dir, LOG_FILE), 'utf8');
    for (const address of ['office.manager@', 'maricopa-cares', 'jane@', 'dana.front@']) {
      expect(bytes).not.toContain(address);
    }
    const line = lines(path.join(dir, LOG_FILE))[0];
    expect(line?.['error']).toMatchObject({
      errorMessage:
        'The server refused the message: 550 5.1.1 <o*****r@m*****s.org>: Recipient address rejected',
    });
    expect(String(line?.['note'])).toMatch(/^bounced: j\*\*\*\*\*e@a\*\*\*\*\*y\.gov, x+/);
  });

  it('cuts long strings so a pasted document never lands whole', () => {
    const { log, dir } = logger();
    log.info('imported', { fileName: 'a'.repeat(5000) });
    const line = lines(path.join(dir, LOG_FILE))[0];
    expect(String(line?.['fileName']).length).toBeLessThan(400);
  });
});
