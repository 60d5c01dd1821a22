import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Compiles the renderer's rune modules (*.svelte.ts) that unit tests import, such as the
  // simulator's countdown; every other file is left as it is.
  plugins: [svelte()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/security/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
