/**
 * Checks on "save this export" requests from the renderer, before main shows a save dialog.
 * The renderer suggests a plain file name and hands over the text; it never names a folder or
 * path, so a compromised page cannot write anywhere the administrator did not choose. Pure.
 */
import type { Result } from '../errors.js';
import type { SaveFileOutcome, SaveFileRequest } from './desktop-channels.js';

/** The largest export accepted (characters): far above any roster, well below memory trouble. */
export const MAX_EXPORT_CHARS = 50 * 1024 * 1024;
/** The longest suggested file name. */
export const MAX_FILE_NAME_CHARS = 120;

/** Characters no file name may hold on any of our platforms (separators, NUL, Windows specials). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[/\\:*?"<>|\u0000-\u001f]/;
/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** Why `name` cannot be a suggested file name, or null when it can. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'The file name is empty.';
  if (name.length > MAX_FILE_NAME_CHARS) return 'The file name is too long.';
  if (FORBIDDEN_CHARS.test(name))
    return 'The file name may not contain a folder or special characters.';
  if (name.startsWith('.') || name.endsWith('.') || name.endsWith(' '))
    return 'The file name may not start with a dot or end with a dot or space.';
  if (WINDOWS_DEVICE.test(name)) return 'That file name is reserved by Windows.';
  return null;
}

function refused(message: string): Result<never> {
  return { ok: false, error: { code: 'BAD_INPUT', message } };
}

/** Validates a save request exactly as it arrived over IPC. */
export function parseSaveRequest(input: unknown): Result<SaveFileRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refused('Nothing to save.');
  }
  const keys = Object.keys(input).sort();
  if (keys.join() !== 'fileName,text') return refused('The export is not in the expected form.');
  const fileName: unknown = Reflect.get(input, 'fileName');
  const text: unknown = Reflect.get(input, 'text');
  if (typeof fileName !== 'string' || typeof text !== 'string') {
    return refused('The export is not in the expected form.');
  }
  const problem = fileNameProblem(fileName);
  if (problem) return refused(problem);
  if (text.length > MAX_EXPORT_CHARS) return refused('The export is too large to save.');
  return { ok: true, value: { fileName, text } };
}

/** The save dialog's file-type filter for a suggested name (its extension, then all files). */
export function saveDialogFilters(fileName: string): { name: string; extensions: string[] }[] {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase();
  const all = { name: 'All files', extensions: ['*'] };
  if (!extension) return [all];
  const name = extension === 'csv' ? 'CSV (comma-separated values)' : extension.toUpperCase();
  return [{ name, extensions: [extension] }, all];
}

/** The Electron side of a save: the dialog and the write (stand-ins in tests). */
export interface SaveDeps {
  /** Shows the save dialog with the suggested name; answers the chosen path, null if cancelled. */
  choosePath(fileName: string): Promise<string | null>;
  write(filePath: string, text: string): Promise<void>;
}

/**
 * Saves an export: validates what arrived, lets the administrator choose where, writes there.
 * Answers the path written (or that the dialog was cancelled); a failed write is UNAVAILABLE
 * with the reason.
 */
export async function saveExport(input: unknown, deps: SaveDeps): Promise<Result<SaveFileOutcome>> {
  const request = parseSaveRequest(input);
  if (!request.ok) return request;
  const filePath = await deps.choosePath(request.value.fileName);
  if (filePath === null) return { ok: true, value: { saved: false } };
  try {
    await deps.write(filePath, request.value.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'UNAVAILABLE', message: `The file could not be saved: ${reason}` },
    };
  }
  return { ok: true, value: { saved: true, filePath } };
}
