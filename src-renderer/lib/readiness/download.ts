/**
 * Saving an export. In the browser host the CSV text becomes a Blob and a temporary link with
 * the `download` attribute, so the browser's own download handling applies; in Electron main
 * shows a save dialog. (The main process never receives a path from here.)
 */
export function downloadFile(file: { fileName: string; text: string }): void {
  // In Electron, main asks where to save through the system's dialog (and reports a failure).
  if (window.traxAdmin) {
    void window.traxAdmin.saveFile({ fileName: file.fileName, text: file.text });
    return;
  }
  const url = URL.createObjectURL(new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
