/** electron-builder.yml carries the packaging and hardening the release needs. */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string };

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('gov.trax.admin');
    expect(config.productName).toBe('Trax Admin');
    expect(packageJson.productName).toBe(config.productName);
  });

  it('packages the built app, its resources and package.json', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'resources/**', 'package.json']),
    );
  });

  it('takes every platform’s icon from a 512×512 PNG in resources/', () => {
    const icons = [config.icon, config.linux.icon, config.win.icon, config.mac.icon];
    expect(new Set(icons)).toEqual(new Set(['resources/icon.png']));
    const png = readFileSync('resources/icon.png');
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('unpacks the native modules from asar', () => {
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('@napi-rs/keyring'))).toBe(true);
  });

  it('builds AppImage and deb, nsis, dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
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
