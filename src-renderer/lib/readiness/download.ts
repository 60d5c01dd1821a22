/**
 * Saving an export, and saying what became of it. In Electron main shows the system's save
 * dialog and writes the file; in the browser host the CSV text becomes a Blob and a temporary
 * link with the `download` attribute, so the browser's own download handling applies. (The main
 * process never receives a path from here.)
 */
import type { Result } from '../../../src-main/contract';
import type { ExportFile } from '../../../src-main/io/export';

/** What the screen says after an export: a sentence, and whether it reports a failure. */
export interface ExportOutcome {
  message: string;
  failed: boolean;
}

/**
 * Saves the answer of an export channel: "Saved to …" with the path chosen (Electron), the
 * download started (browser host), or why the export or the save failed. Answers null when the
 * administrator cancelled the save dialog: nothing to say. Screens show the sentence in a
 * polite live region (role="status").
 */
export async function saveExport(file: Result<ExportFile>): Promise<ExportOutcome | null> {
  if (!file.ok) return { message: file.error.message, failed: true };
  const { fileName, text } = file.value;
  const bridge = window.traxAdmin;
  if (bridge) {
    let saved;
    try {
      saved = await bridge.saveFile({ fileName, text });
    } catch {
      return { message: 'The export could not be saved: the app did not answer.', failed: true };
    }
    if (!saved.ok) return { message: saved.error.message, failed: true };
    return saved.value.saved
      ? { message: `Saved to ${saved.value.filePath}.`, failed: false }
      : null;
  }
  download(fileName, text);
  return { message: `Downloading ${fileName} (see your browser's downloads).`, failed: false };
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
