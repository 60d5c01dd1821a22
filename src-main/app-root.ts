import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The application root: the nearest folder above this module holding package.json. That is the
 * repository root whether the code runs from src-main/ (tests, tsx), out/main/ (build) or an asar
 * archive (packaged), so resources/ and out/renderer/ are found the same way everywhere.
 */
export const APP_ROOT = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));

function findAppRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
