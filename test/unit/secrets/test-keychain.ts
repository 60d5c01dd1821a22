/**
 * The real OS keychain for tests that are about the SMTP password: a Secret Service reached
 * through D-Bus, under a service name unique to the test, emptied afterwards. CI runs the suite
 * inside a private D-Bus session with an unlocked gnome-keyring:
 *   HOME=$(mktemp -d) dbus-run-session -- sh -c \
 *     'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm test'
 * Without a reachable Secret Service these tests fail (they never pass by using another store);
 * outside CI, with no D-Bus session at all, they are skipped with a printed reason.
 */
import { randomBytes } from 'node:crypto';
import {
  OsKeychain,
  smtpAccount,
  type SmtpAccountKey,
} from '../../../src-main/secrets/keychain.js';

/** True where the keychain tests are skipped: no D-Bus session, and not under CI. */
export const noSecretService = !process.env.DBUS_SESSION_BUS_ADDRESS && process.env.CI !== 'true';

/** Prints why `what` is skipped (once per test file that calls it). */
export function warnIfSkipped(what: string): void {
  if (!noSecretService) return;
  console.warn(
    `\n*** SKIPPED ${what}: no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset), so no ` +
      'Secret Service to test the SMTP password against. Run:\n' +
      "    HOME=$(mktemp -d) dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon " +
      "--unlock --components=secrets >/dev/null; npx vitest run test/unit'\n" +
      '(Under CI=true this is a failure, not a skip.) ***\n',
  );
}

/** A random suffix, so parallel tests never share a keychain entry. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** A keychain of the test's own, and the entries to remove from it afterwards. */
export interface TestKeychain {
  /** The project's keychain wrapper under a service name unique to this test. */
  secrets: OsKeychain;
  service: string;
  /** Saves `password` for the settings, as Settings' "Save password" would. */
  savePassword(key: SmtpAccountKey, password: string): Promise<void>;
  /** Marks an entry the code under test may create, so `cleanup` removes it too. */
  track(key: SmtpAccountKey): void;
  /** Removes every entry saved or tracked. */
  cleanup(): Promise<void>;
}

/** A keychain under a unique service name; call `cleanup` after the test. */
export function testKeychain(): TestKeychain {
  const service = uniqueName('Trax Admin test');
  const secrets = new OsKeychain(service);
  const accounts = new Set<string>();
  const track = (key: SmtpAccountKey) => void accounts.add(smtpAccount(key));
  return {
    secrets,
    service,
    track,
    async savePassword(key, password) {
      track(key);
      await secrets.set(smtpAccount(key), password);
    },
    async cleanup() {
      for (const account of accounts) await secrets.delete(account);
    },
  };
}
