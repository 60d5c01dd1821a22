/**
 * A real Trax Admin (real SQLite file in a temp folder, Local outbox delivery) with a movable
 * clock, and helpers to drive the login simulator through the gateway as the renderer does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { ApiError, Result } from '../../../src-main/errors.js';
import { Outbox } from '../../../src-main/mail/outbox.js';

/** A running app plus its clock and outbox. */
export interface Harness {
  app: TraxApp;
  dir: string;
  /** Current time of the injected clock. */
  now(): Date;
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** Calls a channel; answers the value or throws the ApiError. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Calls a channel expecting failure; answers the ApiError. */
  fail(channel: string, input?: unknown): Promise<ApiError>;
  /** Adds an active (by default) user with a password; answers the id. */
  addUser(user: Partial<UserSpec> & { userName: string }): Promise<number>;
  outbox: Outbox;
  /** The newest message in the Local outbox. */
  lastMail(): ReturnType<Outbox['get']>;
  close(): void;
}

/** A user to add. */
export interface UserSpec {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  status: 'Active' | 'Inactive';
  password: string | null;
}

export const PASSWORD = 'Correct-Horse-9';

/** The repository's resources (the demo roster), found from this file. */
const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

/** Starts an app on an empty data folder at `start` (local noon by default). */
export function startHarness(options: { start?: Date; seedDemo?: boolean } = {}): Harness {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-auth-'));
  let time = (options.start ?? new Date(2024, 2, 11, 12, 0, 0)).getTime();
  const clock = () => new Date(time);
  const app = createApp({
    dataDir: dir,
    shell: 'browser',
    clock,
    seedDemo: options.seedDemo ?? false,
    resourcesDir: RESOURCES_DIR,
  });
  const outbox = new Outbox(app.db, clock);
  const invoke = (channel: string, input?: unknown) =>
    app.invoke(channel, input) as Promise<Result<unknown>>;
  const harness: Harness = {
    app,
    dir,
    outbox,
    now: clock,
    advance: (ms) => {
      time += ms;
    },
    async call<T>(channel: string, input?: unknown) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async fail(channel, input) {
      const result = await invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    async addUser(spec) {
      const user = await harness.call<{ id: number }>('users.create', {
        profile: {
          userName: spec.userName,
          firstName: spec.firstName ?? 'Tess',
          lastName: spec.lastName ?? 'Ter',
          email: spec.email ?? 'tester@nfocus.com',
          workPhone: '',
          status: spec.status ?? 'Active',
        },
      });
      const password = spec.password === undefined ? PASSWORD : spec.password;
      if (password !== null) {
        await harness.call('auth.setUserPassword', { id: user.id, form: { password } });
      }
      return user.id;
    },
    lastMail() {
      const newest = outbox.list()[0];
      if (!newest) throw new Error('The outbox is empty.');
      return outbox.get(newest.id);
    },
    close() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The code in a sign-in or reset email. */
export function codeIn(text: string): string {
  const match = /code is: (\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`No code in: ${text}`);
  return match[1];
}

/** Reads a user's sign-in columns straight from the database. */
export function signInColumns(h: Harness, id: number) {
  return h.app.db
    .prepare<
      [number],
      {
        password_failures: number;
        last_password_failure_at: string | null;
        last_login_at: string | null;
        locked_until: string | null;
        password_hash: string | null;
      }
    >(
      'SELECT password_failures, last_password_failure_at, last_login_at, locked_until, ' +
        'password_hash FROM users WHERE id = ?',
    )
    .get(id);
}

/** A code of the same shape that is certainly not `code` (its first character moved on). */
export function wrongCode(code: string): string {
  return code.replace(/^./, (c) =>
    /\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A',
  );
}

/** Changes some policy fields through `policy.set`, keeping the others. */
export async function changePolicy(h: Harness, changes: Record<string, unknown>): Promise<void> {
  const current = await h.call<Record<string, unknown>>('policy.get');
  await h.call('policy.set', { settings: { ...current, ...changes } });
}

/** Waits for the reset email handed off after answering Forgot password. */
export async function settled(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
}
