/**
 * A sandboxed preload can require only 'electron' (and a few built-ins): the bundle that
 * vite.preload.config.ts makes must be one CommonJS file that requires nothing else.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { expect, it } from 'vitest';
import { CHANNELS } from '../../src-main/contract.js';

it(
  'bundles the preload into one CommonJS file that requires only electron and exposes the channels',
  { timeout: 60_000 },
  async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'trax-preload-'));
    try {
      await build({ configFile: 'vite.preload.config.ts', logLevel: 'silent', build: { outDir } });
      const code = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
      const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
        (m) => m[1],
      );
      expect(required).toEqual(['electron']);
      expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
      expect(code).toContain('exposeInMainWorld("traxAdmin"');

      // Run it as a sandboxed preload would be run, with Electron's two objects faked: it must
      // load without touching Node built-ins and expose exactly one function per channel.
      const exposed: Record<string, unknown> = {};
      const invoked: unknown[][] = [];
      const electron = {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
        ipcRenderer: {
          invoke: (...args: unknown[]) => Promise.resolve(invoked.push(args)),
          on: () => undefined,
          removeListener: () => undefined,
        },
      };
      const sandboxRequire = (name: string) => {
        if (name !== 'electron') throw new Error(`A sandboxed preload cannot require ${name}`);
        return electron;
      };
      const module = { exports: {} };
      new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
      const api = exposed['traxAdmin'] as Record<string, unknown>;
      expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onMenuCommand', 'saveFile'].sort());
      expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
      await (api['users.get'] as (input: unknown) => Promise<unknown>)({ id: 1 });
      expect(invoked).toEqual([['users.get', { id: 1 }]]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
);
