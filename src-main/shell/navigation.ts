import { shell, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAllowedNavigation } from './policy.js';

/**
 * Keeps every web contents on our renderer: navigation away is prevented, new windows are
 * denied (an allowlisted https link opens in the system browser instead), webviews are refused.
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    // A plain link to the guide's support site opens in the system browser, as a new-window
    // link does; anything else goes nowhere.
    void openInBrowser(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openInBrowser(url);
    return { action: 'deny' };
  });
}

/**
 * The app's one way into the system browser (links, new windows, Help's support site): only
 * URLs isAllowedExternalUrl() accepts — https to the guide's own sites — are opened.
 */
export async function openInBrowser(url: string): Promise<void> {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
}
