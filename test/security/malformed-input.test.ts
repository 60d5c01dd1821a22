/**
 * Every channel of the contract, fed malformed input through the real gateway of a real app on
 * a temporary data folder: each payload — one defect in an input the schema otherwise accepts —
 * is answered with BAD_INPUT or VALIDATION, nothing throws, no prototype is polluted, and not a
 * single row of the database changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../src-main/app.js';
import { CHANNELS, contract } from '../../src-main/contract.js';
import { databaseChecksum } from './database-checksum.js';
import { malformedPayloads, validBase } from './malformed-payloads.js';

let dataDir: string;
let app: TraxApp;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-malformed-'));
  app = createApp({ dataDir, shell: 'browser', resourcesDir: path.resolve('resources') });
});

afterAll(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each(CHANNELS)('malformed input for %s', (channel) => {
  const schema = contract[channel].input;
  const payloads = malformedPayloads(schema);

  it('starts from a base input the schema accepts, so each mutation is the one defect', () => {
    const parsed = schema.safeParse(validBase(schema));
    expect(parsed.error?.issues ?? [], JSON.stringify(validBase(schema))).toEqual([]);
    expect(parsed.success).toBe(true);
  });

  it(`is refused with a clear error and changes nothing (${payloads.length} payloads)`, async () => {
    const users = () => JSON.stringify(app.db.prepare('SELECT * FROM users ORDER BY id').all());
    const usersBefore = users();
    const before = databaseChecksum(app.db);
    for (const { name, payload } of payloads) {
      const result = await app.invoke(channel, payload);
      expect(result.ok, `${channel}: ${name} was accepted`).toBe(false);
      if (!result.ok) {
        expect(['BAD_INPUT', 'VALIDATION'], `${channel}: ${name}`).toContain(result.error.code);
        expect(result.error.message.length).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(users()).toBe(usersBefore);
    expect(databaseChecksum(app.db)).toBe(before);
  });
});

it('an unknown channel, or one named after a prototype property, is BAD_INPUT', async () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'users.nope', 'x'.repeat(10_000)]) {
    const result = await app.invoke(name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  }
});
