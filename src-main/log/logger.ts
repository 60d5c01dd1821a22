/**
 * The application log: JSON lines in `<dataDir>/logs/trax-admin.log`, rotated by size
 * (`.1` is the newest old file, `.5` the oldest kept). Lines hold a level, a fixed event name
 * chosen in code, and structured fields after {@link redact}; free-form input of the
 * administrator (search text, message bodies, passwords, codes) is never a field.
 *
 * Writes are synchronous appends: lines are few (start-up, backups, failures), and a line that
 * is written before a crash is worth more than the microseconds saved.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { redact } from './redact.js';

/** How serious a line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Structured facts of one event; secret-looking keys are dropped before writing. */
export type LogFields = Record<string, unknown>;

/** Writes log lines. `event` is a fixed phrase from code, never user input. */
export interface Logger {
  /** The folder holding the log files. */
  readonly dir: string;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Options of {@link createFileLogger}. */
export interface FileLoggerOptions {
  /** Folder of the log files; created when missing. */
  dir: string;
  /** Stamps each line; injected so tests control time. */
  clock: () => Date;
  /** Size after which the file is rotated; 1 MB by default. */
  maxBytes?: number;
  /** Old files kept (`.1` … `.N`); 5 by default. */
  keep?: number;
}

/** The current log file's name inside the log folder. */
export const LOG_FILE = 'trax-admin.log';
/** The log folder inside a data folder. */
export const LOG_DIR = 'logs';

const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 5;

/** A logger appending to `<dir>/trax-admin.log`, rotating by size. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { dir, clock } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_KEEP;
  const file = path.join(dir, LOG_FILE);

  function write(level: LogLevel, event: string, fields: LogFields = {}): void {
    const line =
      JSON.stringify({ time: clock().toISOString(), level, event, ...redact(fields) }) + '\n';
    try {
      mkdirSync(dir, { recursive: true });
      if (existsSync(file) && statSync(file).size + Buffer.byteLength(line) > maxBytes) {
        rotate(file, keep);
      }
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // A full disk or a read-only folder must not take the application down with it.
    }
  }

  return {
    dir,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** Shifts `file.N-1` → `file.N` … `file` → `file.1`, dropping the oldest beyond `keep`. */
function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  }
  if (keep >= 1) renameSync(file, `${file}.1`);
  else rmSync(file, { force: true });
}
