/**
 * The Electron main process: one instance per data folder, the renderer on app://, the contract
 * over checked IPC. Every security decision it wires in is a pure function in policy.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, nativeTheme, Notification, session, type BrowserWindow } from 'electron';
import { createApp, type AppOptions, type TraxApp } from '../app.js';
import { useNativeBinding } from '../db/sqlite.js';
import { overriddenDataDir } from '../data-dir.js';
import { APP_ROOT } from '../app-root.js';
import { DEFAULT_RENDERER_DIR } from '../renderer-files.js';
import type { MailJobFinished } from '../mail/job-runner.js';
import { registerSaveFile } from './desktop-ipc.js';
import { MENU_COMMAND_CHANNEL } from './desktop-channels.js';
import { registerIpc } from './ipc.js';
import { installMenu } from './menu.js';
import { jobFinishedNotice } from './notifications.js';
import { guardNavigation } from './navigation.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { reportStartupFailure } from './startup-failure.js';
import { createMainWindow } from './window.js';

/** Printed once the window is on screen; scripts/start.mjs waits for it. */
export const READY_LINE = 'Trax Admin window is open.';

const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');

/**
 * better-sqlite3 built against Electron's ABI, kept apart from the Node build the tests use
 * (see README). A packaged app has its modules rebuilt by electron-builder instead.
 */
const ELECTRON_SQLITE = path.join(APP_ROOT, 'native', 'electron', 'better_sqlite3.node');

registerAppScheme();
app.enableSandbox();

// A data folder named on the command line or in the environment is also Chromium's profile,
// so two instances on two folders (tests) do not share a lock or storage.
const dataDirOverride = overriddenDataDir(process.argv);
if (dataDirOverride) app.setPath('userData', dataDirOverride);

let mainWindow: BrowserWindow | null = null;
let traxApp: TraxApp | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Let messages in flight finish before the database closes, then quit for real.
    const closing = traxApp;
    if (!closing) return;
    traxApp = null;
    event.preventDefault();
    void closing.shutdown().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}

function start(): void {
  // Light or dark with the system; the renderer's CSS follows prefers-color-scheme.
  nativeTheme.themeSource = 'system';
  // The renderer needs no camera, notifications prompt, geolocation or the like.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) =>
    grant(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(DEFAULT_RENDERER_DIR);

  // In a checkout, node_modules holds better-sqlite3 built for Node (npm test); the Electron
  // build is kept apart so both work in one checkout. Packaged apps are rebuilt for Electron.
  if (!app.isPackaged && existsSync(ELECTRON_SQLITE)) useNativeBinding(ELECTRON_SQLITE);
  const options: AppOptions = {
    dataDir: app.getPath('userData'),
    shell: 'electron',
    onError: (channel, error) => console.error(`[${channel}]`, error),
    onMailJobFinished: notifyJobFinished,
  };
  traxApp = createApp(options);

  registerIpc(traxApp.invoke, () => mainWindow?.webContents.mainFrame ?? null);
  registerSaveFile(() => mainWindow);
  installMenu(traxApp.invoke, () => mainWindow);
  mainWindow = createMainWindow(PRELOAD, options.dataDir, () => console.log(READY_LINE));
  mainWindow.on('closed', () => (mainWindow = null));
}

/** A desktop notification when a Send Email job finishes while the window is in the background. */
function notifyJobFinished(job: MailJobFinished): void {
  const notice = jobFinishedNotice(job, mainWindow?.isFocused() ?? false);
  if (!notice || !Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    mainWindow.webContents.send(MENU_COMMAND_CHANNEL, { kind: 'navigate', route: notice.route });
  });
  notification.show();
}

/** One line on stderr, an error box unless `npm start` launched us, exit 1 (startup-failure.ts). */
function fail(error: unknown): void {
  reportStartupFailure(error, {
    env: process.env,
    writeStderr: (line) => process.stderr.write(line),
    showErrorBox: (title, message) => dialog.showErrorBox(title, message),
    exit: (code) => app.exit(code),
  });
}
