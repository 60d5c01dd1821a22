// `npm start`: builds if needed and opens the Electron window. Where Electron cannot start (no
// binary because npm install had no internet, no display, or it exits before its window opens)
// it says why in one line and runs the browser host instead, on the same data folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, followChild, ROOT } from './build-if-needed.mjs';

buildIfNeeded();
const { findElectronBinary, missingDisplay } = await import('../out/main/electron-binary.js');
const { LAUNCHED_BY_ENV, LAUNCHED_BY_NPM_START, startupFailureFrom } =
  await import('../out/main/shell/startup-failure.js');
// Must match READY_LINE in src-main/shell/main.ts.
const READY_LINE = 'Trax Admin window is open.';
const args = process.argv.slice(2);
let fellBack = false;

const binary = findElectronBinary();
const reason = 'missing' in binary ? binary.missing : missingDisplay();
if (reason) fallBack(reason);
else launchElectron(binary.path);

function launchElectron(executable) {
  // Told it was started here, the shell reports a start-up failure as one stderr line and exits
  // at once instead of waiting on an error box (src-main/shell/startup-failure.ts).
  const env = { ...process.env, [LAUNCHED_BY_ENV]: LAUNCHED_BY_NPM_START };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [ROOT, ...args], { env, stdio: ['inherit', 'pipe', 'pipe'] });
  let ready = false;
  // Until the window is open, stderr is kept back: if Electron gives up, its reason goes into
  // our one line instead of scrolling past; afterwards it passes straight through.
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (ready) process.stderr.write(chunk);
    else stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!ready && chunk.toString().includes(READY_LINE)) {
      ready = true;
      process.stderr.write(stderr);
      followChild(child);
    }
  });
  child.on('error', (error) => {
    if (!ready) fallBack(`it failed to launch (${error.message})`);
  });
  child.on('exit', (code, signal) => {
    if (ready) return;
    const exit = signal ? `on ${signal}` : `with code ${code}`;
    const reason = startupFailureFrom(stderr);
    // Without the shell's own reason line, what it did print is all there is to go on.
    if (!reason) process.stderr.write(stderr);
    fallBack(`it exited ${exit} before its window opened${reason ? `: ${reason}` : ''}`);
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
