/**
 * The Electron security checklist items that are decisions (not wiring), checked on the pure
 * functions the shell uses: window settings, navigation, openExternal, IPC sender.
 */
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appUrlPath,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSender,
  mainWindowOptions,
  windowWebPreferences,
} from '../../src-main/shell/policy.js';

describe('window webPreferences', () => {
  const prefs = windowWebPreferences('/app/preload.cjs');

  it('isolate and sandbox the renderer, with no Node and full web security', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('are the ones the main window is created with, and it starts hidden', () => {
    const options = mainWindowOptions('/app/preload.cjs');
    expect(options.webPreferences).toEqual(prefs);
    expect(options.show).toBe(false);
  });
});

describe('navigation', () => {
  it.each([APP_ENTRY_URL, 'app://trax/', 'app://trax/index.html#/users/5'])(
    'stays on %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'https://www.traxsolutions.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://other/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
  ])('is prevented to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('shell.openExternal allowlist', () => {
  it.each([
    'https://www.traxsolutions.com/2fa',
    'https://nfocus.com/support',
    'https://NFOCUS.com/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://www.traxsolutions.com/',
    'https://evil.example/',
    'https://nfocus.com.evil.example/',
    'https://evilnfocus.com/',
    'https://user:pw@nfocus.com/',
    'https://nfocus.com:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,hi',
    'smb://nfocus.com/share',
    'mailto:support@nfocus.com',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('the IPC sender check', () => {
  const main = { processId: 4, routingId: 1, url: 'app://trax/index.html#/users' };

  it('accepts the main frame of our window on app://', () => {
    expect(isTrustedSender({ ...main }, main)).toBe(true);
  });

  it.each([
    ['no frame (it was destroyed)', null],
    ['a subframe', { ...main, routingId: 2 }],
    ['another window', { ...main, processId: 5 }],
    ['our frame after navigating to a web page', { ...main, url: 'https://evil.example/' }],
    ['our frame on file://', { ...main, url: 'file:///tmp/x.html' }],
    ['our frame on another app:// host', { ...main, url: 'app://evil/index.html' }],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, main)).toBe(false);
  });

  it('refuses everything while there is no main window', () => {
    expect(isTrustedSender(main, null)).toBe(false);
  });
});

describe('app:// URLs', () => {
  it('give their path only for our host', () => {
    expect(appUrlPath('app://trax/assets/app.js')).toBe('/assets/app.js');
    expect(appUrlPath('app://other/assets/app.js')).toBeNull();
    expect(appUrlPath('https://trax/assets/app.js')).toBeNull();
  });
});
