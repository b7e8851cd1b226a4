/**
 * The pictures in the editors' guide (REDAKTION.md), made by `npm run screenshots` from the running
 * editing UI: every picture the guide shows is there, is a PNG and stays small.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const guide = readFileSync(join(root, 'REDAKTION.md'), 'utf8');
const images = [...guide.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map(([, alt = '', path = '']) => ({ alt, path }));

describe("the editors' guide's pictures", () => {
  it('are there, as small PNG files with a description', () => {
    expect(images.length).toBeGreaterThan(0);
    for (const { alt, path } of images) {
      const file = join(root, path);
      expect(existsSync(file), path).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString('latin1'), path).toBe('PNG');
      expect(statSync(file).size, path).toBeLessThanOrEqual(150 * 1024);
      expect(alt.length, `${path}: alt text`).toBeGreaterThan(10);
    }
  });
});
