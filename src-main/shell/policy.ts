/**
 * The Electron shell's security decisions as pure functions, free of any runtime import of
 * 'electron' so that test/security/ checks each of them under plain Node. The shell's other
 * files only wire these into Electron's events.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Result } from '../errors.js';

/** The privileged scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
/** The one host name under app://, so the renderer has a stable origin. */
export const APP_HOST = 'trax';
/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The web preferences of every window: the renderer is an isolated, sandboxed web page that
 * reaches main only through the named functions the preload exposes.
 */
export function windowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The main window's options. It is shown once its first paint is ready (no white flash). */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Trax Admin',
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    show: false,
    webPreferences: windowWebPreferences(preloadPath),
  };
}

/** Parses a URL, or null when it is not one. */
function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of our own renderer: `app://trax/…`. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** A window may only navigate within the renderer; everything else is prevented. */
export function isAllowedNavigation(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/** The path of an app:// URL for the file lookup, or null for any other URL. */
export function appUrlPath(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || !isAppUrl(url)) return null;
  return parsed.pathname;
}

/** The sites the renderer's links may open in the system browser (the guide's own). */
export const EXTERNAL_HOSTS: readonly string[] = [
  'traxsolutions.com',
  'www.traxsolutions.com',
  'nfocus.com',
  'www.nfocus.com',
];

/**
 * True when `shell.openExternal` may open this URL: https only, on the default port, without
 * credentials, to a host on the allowlist. Anything else (http, file:, javascript:, data:,
 * custom schemes, look-alike hosts) is refused.
 */
export function isAllowedExternalUrl(
  url: string,
  hosts: readonly string[] = EXTERNAL_HOSTS,
): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password || parsed.port) return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}

/** What the IPC check needs to know about a frame (a subset of Electron's WebFrameMain). */
export interface FrameFacts {
  processId: number;
  routingId: number;
  url: string;
}

/**
 * True when an IPC message comes from our main window's main frame showing our renderer.
 * Messages from subframes, other windows, or a page that navigated elsewhere are refused.
 */
export function isTrustedSender(
  sender: FrameFacts | null | undefined,
  mainFrame: FrameFacts | null | undefined,
): boolean {
  if (!sender || !mainFrame) return false;
  return (
    sender.processId === mainFrame.processId &&
    sender.routingId === mainFrame.routingId &&
    isAppUrl(sender.url)
  );
}

/** The answer to an IPC call from an untrusted sender; no handler runs. */
export const REFUSED_SENDER: Result<never> = {
  ok: false,
  error: {
    code: 'BAD_INPUT',
    message: 'Request refused: it does not come from the Trax Admin window.',
  },
};
