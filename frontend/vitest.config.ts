import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // PatternFly's components import their CSS; the tests assert behaviour, not looks.
    css: false,
    // A ceiling, not a speed check: the build runs these beside the service's tests on a busy machine, where a
    // multi-step form test can pass 5 s without anything being wrong.
    testTimeout: 20_000,
  },
});
