/**
 * Finding the Electron executable without triggering a download. `require('electron')` tries to
 * download the binary when it is missing, which hangs or fails on machines without internet;
 * scripts/start.mjs and the Electron tests need a quick yes/no with a reason instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Either the executable to launch, or why Electron cannot start on this machine. */
export type ElectronBinary = { path: string } | { missing: string };

/** Looks for the Electron executable the `electron` package installed (or an override). */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const overrideDir = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = overrideDir
    ? path.join(overrideDir, relative || 'electron')
    : relative && path.join(packageDir, 'dist', relative);
  if (!executable || !existsSync(executable)) {
    return { missing: 'its binary was not downloaded: no internet during npm install' };
  }
  return { path: executable };
}

/**
 * Why Electron cannot show a window here even with its binary, or null when it can try:
 * on Linux a window needs an X11 or Wayland display.
 */
export function missingDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform !== 'linux' || env['DISPLAY'] || env['WAYLAND_DISPLAY']) return null;
  return 'there is no display to open a window on: neither DISPLAY nor WAYLAND_DISPLAY is set';
}
