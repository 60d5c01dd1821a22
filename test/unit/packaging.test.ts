/**
 * electron-builder.yml carries the packaging and hardening the release needs. The builder cannot
 * run here (it downloads Electron), so its configuration is checked against the builder's own
 * schema (node_modules/app-builder-lib/scheme.json): a misspelt key would otherwise only show
 * on the build machine, or — for a fuse — not at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  asar?: unknown;
  disableAsarIntegrity?: unknown;
  npmRebuild?: unknown;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; icon: string; category: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; category: string };
  electronFuses: Record<string, boolean>;
}

interface Scheme {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const scheme = JSON.parse(
  readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8'),
) as Scheme;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  productName: string;
  main: string;
};

/** A builder file pattern as a RegExp: `**` spans folders, `*` stays inside one. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Every `.node` addon under a folder, as paths relative to the repository. */
function addonsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.node'))
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')));
}

describe('electron-builder.yml', () => {
  it('uses only keys electron-builder knows', () => {
    expect(Object.keys(config).filter((key) => !(key in scheme.properties))).toEqual([]);
    const fuses = scheme.definitions['FuseOptionsV1']?.properties ?? {};
    expect(Object.keys(fuses).length).toBeGreaterThan(0);
    expect(Object.keys(config.electronFuses).filter((key) => !(key in fuses))).toEqual([]);
  });

  it('names the app', () => {
    expect(config.appId).toBe('gov.trax.admin');
    expect(config.productName).toBe('Trax Admin');
    expect(packageJson.productName).toBe(config.productName);
  });

  it('packages the built app (package.json main included), its resources and package.json', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'resources/**', 'package.json']),
    );
    expect(config.files.some((glob) => globToRegExp(glob).test(packageJson.main))).toBe(true);
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' });
  });

  it('takes every platform’s icon from a 512×512 PNG in resources/', () => {
    const icons = [config.icon, config.linux.icon, config.win.icon, config.mac.icon];
    expect(new Set(icons)).toEqual(new Set(['resources/icon.png']));
    const png = readFileSync('resources/icon.png');
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('keeps the app in an integrity-checked asar archive', () => {
    // asar is on by default; turned off, onlyLoadAppFromAsar would refuse to start the app.
    expect(config.asar ?? true).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
  });

  it('unpacks every native addon of better-sqlite3 and the keychain module from asar', () => {
    const unpacked = config.asarUnpack.map(globToRegExp);
    const addons = [
      ...addonsUnder('node_modules/better-sqlite3'),
      ...readdirSync('node_modules/@napi-rs')
        .filter((name) => name.startsWith('keyring'))
        .flatMap((name) => addonsUnder(`node_modules/@napi-rs/${name}`)),
    ];
    expect(addons.some((file) => file.endsWith('better_sqlite3.node'))).toBe(true);
    expect(addons.some((file) => file.includes('@napi-rs/keyring'))).toBe(true);
    expect(addons.filter((file) => !unpacked.some((glob) => glob.test(file)))).toEqual([]);
    // Rebuilt for Electron's ABI at package time (the checkout's build is Node's).
    expect(config.npmRebuild).toBe(true);
  });

  it('builds AppImage and deb, nsis, dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.category).toBe('public.app-category.business');
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });
});
