/**
 * A sandboxed preload can require only 'electron' (and a few built-ins): the bundle that
 * vite.preload.config.ts makes must be one CommonJS file that requires nothing else.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { expect, it } from 'vitest';

it(
  'bundles the preload into one CommonJS file requiring only electron',
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
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
);
