// Shared by start.mjs and serve.mjs: runs `npm run build` when out/ is missing or older than
// any source it is built from, so both commands work straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; the scripts work from any current folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const OUTPUTS = [
  'out/renderer/index.html',
  'out/main/host/cli.js',
  'out/main/electron-binary.js',
  'out/main/shell/main.js',
  'out/main/shell/preload.cjs',
  'out/main/shell/startup-failure.js',
];
const SOURCES = [
  'src-main',
  'src-renderer',
  'package.json',
  'tsconfig.base.json',
  'tsconfig.main.json',
  'tsconfig.renderer.json',
  'vite.config.ts',
  'vite.preload.config.ts',
];

/** The newest modification time under a file or folder (0 when it does not exist). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

/** True when some output is missing or a source changed after the oldest output was built. */
export function needsBuild(root = ROOT) {
  const at = (p) => path.join(root, p);
  if (!OUTPUTS.every((p) => existsSync(at(p)))) return true;
  const built = Math.min(...OUTPUTS.map((p) => statSync(at(p)).mtimeMs));
  return SOURCES.some((p) => newest(at(p)) > built);
}

/** Builds when needed; exits the process with npm's code when the build fails. */
export function buildIfNeeded() {
  if (!needsBuild()) return;
  console.log('Building Trax Admin (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    // tsc reports its errors on stdout, which is otherwise only noise.
    process.stdout.write(result.stdout ?? '');
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

/** Passes Ctrl+C and termination on to a child and leaves with the child's exit code. */
export function followChild(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
