import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI asks for Vitest's JSON report (see .ci/run); people get the default reporter only.
    reporters: process.env.VITEST_REPORT ? ['default', ['json', { outputFile: process.env.VITEST_REPORT }]] : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
