import { flagValue, resolveDataDir } from '../data-dir.js';

/** The browser host's command line: `[--port N] [--data-dir DIR]`. */
export interface HostArgs {
  /** 0 means any free port. */
  port: number;
  dataDir: string;
}

/**
 * Reads the host's command line. The data folder follows the shared rules of data-dir.ts;
 * a port that is not a whole number from 0 to 65535 is an error worth stopping for.
 */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const rawPort = flagValue(argv, 'port') ?? '0';
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535) {
    throw new Error(`--port must be a number from 0 to 65535 (got "${rawPort}").`);
  }
  return { port: Number(rawPort), dataDir: resolveDataDir(argv) };
}
