/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux)
 * through @napi-rs/keyring. The only place the SMTP password is ever stored.
 *
 * On Linux, @napi-rs/keyring by default falls back silently to the kernel keyutils store when no
 * Secret Service answers; that store lives in memory and is lost at reboot, so an administrator
 * would find the password "saved" today and gone tomorrow. Entries are therefore pinned to
 * `secret-service`, which makes the binding throw instead of falling back.
 */
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../errors.js';

/** The service name every Trax Admin secret is filed under. */
export const KEYCHAIN_SERVICE = 'Trax Admin';

const WHY =
  'On Linux, Trax Admin needs a running Secret Service (such as GNOME Keyring or KWallet) ' +
  'that is unlocked; the password is never stored anywhere else.';

/** What could not happen, per operation, so the message fits what the administrator did. */
const CONSEQUENCE = {
  get: 'the saved SMTP password cannot be read',
  set: 'the SMTP password was not saved',
  delete: 'the saved SMTP password cannot be removed',
  check: 'an SMTP password can be neither saved nor used',
} as const;

/** Pins Linux entries to the Secret Service; other platforms ignore the option. */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * The real OS keychain, the only store of secrets there is (tests use it too, under a service
 * name of their own). Every failure to reach it is AppError UNAVAILABLE.
 */
export class OsKeychain {
  /** `service` files the entries; only tests pass another than {@link KEYCHAIN_SERVICE}. */
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  /** The secret of `account`, or null when none is saved. */
  async get(account: string): Promise<string | null> {
    return reach('get', () => this.entry(account).getPassword());
  }

  /** Saves (or replaces) the secret of `account`. */
  async set(account: string, secret: string): Promise<void> {
    await reach('set', () => this.entry(account).setPassword(secret));
  }

  /** Removes the secret of `account`; answers whether there was one. */
  async delete(account: string): Promise<boolean> {
    return reach('delete', () => this.entry(account).deletePassword());
  }

  /**
   * Asks the keychain something harmless, so Settings can say from the start whether a
   * password could be saved at all. @throws AppError UNAVAILABLE
   */
  async check(): Promise<void> {
    await reach('check', () => this.entry(AVAILABILITY_PROBE).getPassword());
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, ENTRY_OPTIONS);
  }
}

/**
 * Runs a keychain call, turning any failure (no D-Bus session, no Secret Service, a locked
 * collection, a refused prompt) into UNAVAILABLE. The binding's own message is appended because
 * it names the cause; it never contains the secret, which is not part of any request it describes.
 */
async function reach<T>(operation: keyof typeof CONSEQUENCE, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : '';
    const message = `No system keychain is available, so ${CONSEQUENCE[operation]}. ${WHY}`;
    throw new AppError('UNAVAILABLE', reason ? `${message} (${reason})` : message);
  }
}

/** An account name no password is ever saved under: what {@link OsKeychain.check} reads. */
const AVAILABILITY_PROBE = 'availability-check';

/** What an SMTP password is saved for: the server, its port and security, and the user. */
export interface SmtpAccountKey {
  user: string;
  host: string;
  port: number;
  security: string;
}

/**
 * The keychain account of the SMTP password for `user` on `host` at `port` with `security`.
 * All four are part of the name, so a saved password is only ever found, and so only ever sent,
 * for exactly the connection it was saved for: never to another port or without encryption.
 */
export function smtpAccount(key: SmtpAccountKey): string {
  return `smtp:${key.user}@${key.host.toLowerCase()}:${key.port}/${key.security}`;
}
