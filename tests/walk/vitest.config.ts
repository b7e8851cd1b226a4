/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// The editors' walk (its own step in npm test, after the browser tests): builds and browser tests on a copy.
export default getViteConfig({
  test: {
    include: ['tests/walk/**/*.test.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 60_000,
  },
});
