/**
 * What the Electron shell does when it cannot start, as pure functions (no 'electron' import),
 * so that scripts/start.mjs reads the same line format the shell writes and tests check both
 * under plain Node.
 *
 * Started from a desktop launcher, nobody sees stderr: the shell shows an error box. Started by
 * `npm start`, a blocking box would hang the terminal while start.mjs waits to fall back to the
 * browser host, so the shell writes one line to stderr, exits non-zero at once, and start.mjs
 * repeats the reason in its own one line.
 */

/** The variable scripts/start.mjs sets on the Electron it launches. */
export const LAUNCHED_BY_ENV = 'TRAX_ADMIN_LAUNCHED_BY';
/** Its value for `npm start`. */
export const LAUNCHED_BY_NPM_START = 'npm-start';
/** The start of the one stderr line that says why the shell could not start. */
export const STARTUP_FAILURE_PREFIX = 'Trax Admin could not start: ';

/** Longest reason written; the error box still shows the whole message. */
const MAX_REASON = 400;

/** The SQLite addon on disk is built for another ABI (Node's, when run under Electron). */
const WRONG_SQLITE_BUILD =
  /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application/;

/**
 * Why the shell could not start, in one line. A SQLite addon built for Node (the checkout's
 * usual state without the separate Electron build) gets a reason that says what to do.
 */
export function startupFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/better[-_]sqlite3/.test(message) && WRONG_SQLITE_BUILD.test(message)) {
    return (
      'its SQLite module is built for Node, not for Electron; build ' +
      'native/electron/better_sqlite3.node as the README\'s "Electron and the native SQLite ' +
      'module" says'
    );
  }
  const oneLine = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return oneLine.length > MAX_REASON ? `${oneLine.slice(0, MAX_REASON)}…` : oneLine;
}

/** What {@link reportStartupFailure} needs from the process and from Electron. */
export interface StartupFailureDeps {
  env: NodeJS.ProcessEnv;
  writeStderr(line: string): void;
  /** Electron's dialog.showErrorBox: blocks until dismissed. */
  showErrorBox(title: string, message: string): void;
  /** Electron's app.exit. */
  exit(code: number): void;
}

/** Says why the shell could not start — one stderr line, and a box unless `npm start` ran it. */
export function reportStartupFailure(error: unknown, deps: StartupFailureDeps): void {
  deps.writeStderr(`${STARTUP_FAILURE_PREFIX}${startupFailureReason(error)}\n`);
  if (deps.env[LAUNCHED_BY_ENV] !== LAUNCHED_BY_NPM_START) {
    const message = error instanceof Error ? error.message : String(error);
    deps.showErrorBox('Trax Admin could not start', message);
  }
  deps.exit(1);
}

/** The reason in the shell's stderr output (the last failure line), or null when there is none. */
export function startupFailureFrom(stderr: string): string | null {
  const lines = stderr.split(/\r?\n/).filter((line) => line.startsWith(STARTUP_FAILURE_PREFIX));
  const last = lines.at(-1);
  return last === undefined ? null : last.slice(STARTUP_FAILURE_PREFIX.length).trim() || null;
}
