import { defineConfig } from 'vite';

// The Electron preload runs sandboxed: it may require only 'electron' (and a few built-ins), not
// local modules. So it is bundled, with the contract's channel list, into one CommonJS file.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'out/main/shell',
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    target: 'chrome140',
    lib: {
      entry: 'src-main/shell/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
