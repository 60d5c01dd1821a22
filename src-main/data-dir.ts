/**
 * Where Trax Admin keeps its data folder. Both shells resolve it here so that `npm start` in
 * Electron and its browser-host fallback open the very same database.
 *
 * Order: `--data-dir DIR` on the command line, then `TRAX_ADMIN_DATA_DIR`, then the folder
 * Electron would use for `app.getPath('userData')` (the platform's per-user application data
 * folder joined with the product name).
 */
import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for the user-data folder (package.json `productName`). */
export const PRODUCT_NAME = 'Trax Admin';

/** The environment variable that overrides the default data folder. */
export const DATA_DIR_ENV = 'TRAX_ADMIN_DATA_DIR';

/** What the resolution depends on; injected so tests can ask for any platform. */
export interface PlatformFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

const HERE: PlatformFacts = { platform: process.platform, env: process.env, homeDir: os.homedir() };

/**
 * The per-user data folder Electron picks on this platform: `%APPDATA%\Trax Admin` on Windows,
 * `~/Library/Application Support/Trax Admin` on macOS, `$XDG_CONFIG_HOME/Trax Admin` (default
 * `~/.config/Trax Admin`) elsewhere.
 */
export function defaultDataDir(facts: PlatformFacts = HERE): string {
  const { platform, env, homeDir } = facts;
  if (platform === 'win32') {
    const appData = env['APPDATA'] || path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDir, 'Library', 'Application Support', PRODUCT_NAME);
  }
  const config = env['XDG_CONFIG_HOME'] || path.posix.join(homeDir, '.config');
  return path.posix.join(config, PRODUCT_NAME);
}

/**
 * The value of `--name VALUE` or `--name=VALUE` in `argv`, or undefined. The last occurrence
 * wins, as in most command-line tools.
 */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === `--${name}`) value = argv[++i];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  }
  return value;
}

/**
 * The data folder named on the command line or in the environment, made absolute; undefined
 * when neither names one (the caller then uses its platform default).
 */
export function overriddenDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const chosen = flagValue(argv, 'data-dir') || env[DATA_DIR_ENV];
  return chosen ? path.resolve(chosen) : undefined;
}

/** The data folder for this run: the override if any, else {@link defaultDataDir}. */
export function resolveDataDir(argv: readonly string[], facts: PlatformFacts = HERE): string {
  return overriddenDataDir(argv, facts.env) ?? defaultDataDir(facts);
}
