import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, flagValue, resolveDataDir } from '../../../src-main/data-dir.js';
import { parseHostArgs } from '../../../src-main/host/args.js';

describe('the data folder', () => {
  it('defaults to the folder Electron uses for userData on each platform', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, homeDir: '/home/ann' })).toBe(
      '/home/ann/.config/Trax Admin',
    );
    expect(
      defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homeDir: '/home/ann' }),
    ).toBe('/cfg/Trax Admin');
    expect(defaultDataDir({ platform: 'darwin', env: {}, homeDir: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/Trax Admin',
    );
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        homeDir: 'C:\\Users\\ann',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Trax Admin');
  });

  it('takes --data-dir first, then TRAX_ADMIN_DATA_DIR, made absolute', () => {
    const facts = {
      platform: 'linux' as const,
      env: { TRAX_ADMIN_DATA_DIR: '/env/dir' },
      homeDir: '/h',
    };
    expect(resolveDataDir(['--data-dir', 'rel/dir'], facts)).toBe(path.resolve('rel/dir'));
    expect(resolveDataDir(['--data-dir=/a'], facts)).toBe('/a');
    expect(resolveDataDir([], facts)).toBe('/env/dir');
    expect(resolveDataDir([], { ...facts, env: {} })).toBe('/h/.config/Trax Admin');
  });

  it('reads flags in both spellings, last one winning', () => {
    expect(flagValue(['--port', '1', '--port=2'], 'port')).toBe('2');
    expect(flagValue(['--portable', '3'], 'port')).toBeUndefined();
  });
});

describe('the host command line', () => {
  it('reads --port, defaulting to any free port', () => {
    expect(parseHostArgs(['--port', '8123', '--data-dir', '/d'])).toEqual({
      port: 8123,
      dataDir: '/d',
    });
    expect(parseHostArgs(['--data-dir', '/d']).port).toBe(0);
  });

  it.each(['-1', '65536', 'abc', '80.5', ''])('refuses --port %j', (port) => {
    expect(() => parseHostArgs(['--port', port])).toThrow(/--port must be a number/);
  });
});
