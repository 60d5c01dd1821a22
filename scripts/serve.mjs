// `npm run serve -- [--port N] [--data-dir DIR]`: the browser host on 127.0.0.1 (see README).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, followChild, ROOT } from './build-if-needed.mjs';

buildIfNeeded();
followChild(
  spawn(process.execPath, [path.join(ROOT, 'out/main/host/cli.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  }),
);
