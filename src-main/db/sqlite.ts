import BetterSqlite3 from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * Points better-sqlite3 at a build of its addon made for Electron's ABI (Node's build cannot load
 * there). Process-wide on purpose: a process has exactly one ABI. Called only by the shell.
 */
export function useNativeBinding(file: string): void {
  nativeBinding = file;
}

/** Opens a SQLite connection; every connection in the app is made here. */
export function openSqlite(
  file: string,
  options: BetterSqlite3.Options = {},
): BetterSqlite3.Database {
  return new BetterSqlite3(file, nativeBinding ? { ...options, nativeBinding } : options);
}
