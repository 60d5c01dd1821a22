/**
 * Finding the command-line tools the benchmarks compare against (the sqlite3 shell, postfix's
 * smtp-sink), so a missing one skips its comparison with a message instead of failing.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * The first executable `name` in the folders of PATH, then in `extraDirs` (tools installed
 * outside PATH, such as /usr/lib/postfix); undefined when there is none.
 */
export function findTool(name: string, extraDirs: readonly string[] = []): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(extraDirs);
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of dirs) {
    if (!dir) continue;
    for (const file of names) {
      const candidate = path.join(dir, file);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not here (or not executable): keep looking.
      }
    }
  }
  return undefined;
}
