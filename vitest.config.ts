/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests for src/lib, the content schemas, the header policy and the form backend (server/ through inject).
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/policy/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
