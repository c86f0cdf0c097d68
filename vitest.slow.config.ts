import { defineConfig } from 'vitest/config';

// The slow suite (`npm run test:slow`): tests that spawn and kill the built server many times.
// SPINE_SLOW marks the run, so these files skip themselves when the default config picks them up.
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    env: { SPINE_SLOW: '1' },
    reporters: ['default'],
  },
});
