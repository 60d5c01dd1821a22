// `npm start`: builds if needed and opens the Electron window. Where Electron cannot start (no
// binary because npm install had no internet, no display, or it exits before its window opens)
// it says why in one line and runs the browser host instead, on the same data folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, followChild, ROOT } from './build-if-needed.mjs';

buildIfNeeded();
const { findElectronBinary, missingDisplay } = await import('../out/main/electron-binary.js');
// Must match READY_LINE in src-main/shell/main.ts.
const READY_LINE = 'Trax Admin window is open.';
const args = process.argv.slice(2);
let fellBack = false;

const binary = findElectronBinary();
const reason = 'missing' in binary ? binary.missing : missingDisplay();
if (reason) fallBack(reason);
else launchElectron(binary.path);

function launchElectron(executable) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [ROOT, ...args], { env, stdio: ['inherit', 'pipe', 'inherit'] });
  let ready = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!ready && chunk.toString().includes(READY_LINE)) {
      ready = true;
      followChild(child);
    }
  });
  child.on('error', (error) => {
    if (!ready) fallBack(`it failed to launch (${error.message})`);
  });
  child.on('exit', (code, signal) => {
    if (!ready) fallBack(`it exited before its window opened (${signal ?? `code ${code}`})`);
  });
}

function fallBack(why) {
  if (fellBack) return;
  fellBack = true;
  console.log(`Electron cannot start here (${why}); opening the browser host instead.`);
  followChild(
    spawn(process.execPath, [path.join(ROOT, 'out/main/host/cli.js'), ...args], {
      stdio: 'inherit',
    }),
  );
}
