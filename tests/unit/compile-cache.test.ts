import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../scripts/lib/compile-cache.ts';

describe('the compile cache of the test runs', () => {
  it('lies in node_modules/.cache below the project, unless NODE_COMPILE_CACHE names another folder', () => {
    const project = join('ein', 'projekt');
    const below = join(project, 'node_modules', '.cache', 'node-compile-cache');
    expect(compileCacheDir(project, {})).toBe(below);
    expect(compileCacheDir(project, { NODE_COMPILE_CACHE: '' })).toBe(below);
    expect(compileCacheDir(project, { NODE_COMPILE_CACHE: join('anderswo', 'cache') })).toBe(join('anderswo', 'cache'));
  });

  it('is on in the processes of the test files (vitest.config.ts sets it)', async () => {
    const { getCompileCacheDir } = await import('node:module');
    const folder = process.env['NODE_COMPILE_CACHE'] ?? '';
    expect(folder).not.toBe('');
    // Node keeps a subfolder per version and architecture in it.
    expect(getCompileCacheDir()?.startsWith(folder)).toBe(true);
  });
});
