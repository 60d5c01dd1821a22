/**
 * `node out/main/host/cli.js [--port N] [--data-dir DIR]`: opens the application on its data
 * folder, serves it on 127.0.0.1 and prints the one line with the URL to open (tests and
 * scripts/start.mjs parse that line). SIGINT and SIGTERM close the server and the database.
 * `TRAX_ADMIN_TEST_CLOCK_FILE` turns on the end-to-end tests' movable clock (test-clock.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../app.js';
import { DEFAULT_RENDERER_DIR } from '../renderer-files.js';
import { parseHostArgs } from './args.js';
import { startHost } from './server.js';
import { testClockFromEnv } from './test-clock.js';

// Tests and scripts/start.mjs find the URL in this line by its http://127.0.0.1 pattern.
const URL_LINE_PREFIX = 'Trax Admin is running at ';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  if (!existsSync(path.join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${DEFAULT_RENDERER_DIR}): run npm run build.`);
  }
  // Test-only, and only when the person starting the process asks for it (see test-clock.ts).
  const testClock = testClockFromEnv(process.env);
  if (testClock) console.warn(testClock.warning);
  const app = createApp({
    dataDir: args.dataDir,
    shell: 'browser',
    clock: testClock?.clock,
    onError: (channel, error) => console.error(`[${channel}]`, error),
  });
  const host = await startHost({
    invoke: app.invoke,
    rendererDir: DEFAULT_RENDERER_DIR,
    port: args.port,
  }).catch((error: unknown) => {
    app.close();
    throw error;
  });
  console.log(`${URL_LINE_PREFIX}${host.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => app.shutdown())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `Trax Admin could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
