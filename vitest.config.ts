import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,packages,scripts}/**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Build tests run Astro in child processes; they are slow by nature, not by accident.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
