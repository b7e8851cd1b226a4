/**
 * The README's "Layout of the code" names every folder of the code, one line each, and nothing that
 * is gone: a folder of code added or removed without the README fails here. The editors' folders
 * (content/, public/) are listed there too but not checked: an editor may add a folder of pages or
 * files without touching the README.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const ROOTS = ['src/', 'shared/', 'server/', 'policy/', 'deploy/', 'scripts/', 'tests/'];

/** Every folder below the roots that holds a tracked file, with the folders above it. */
function trackedFolders(): string[] {
  const folders = new Set<string>();
  for (const file of execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n')) {
    if (!ROOTS.some((r) => file.startsWith(r))) continue;
    const parts = file.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`);
  }
  return [...folders].sort();
}

/** The folders the README's layout block lists (the first word of each line). */
function listedFolders(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('Every folder, one line each', readme.indexOf('## Layout of the code')));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((word) => word.endsWith('/') && ROOTS.some((r) => word.startsWith(r)));
}

describe('README: Layout of the code', () => {
  it('lists every folder once, and no folder that does not exist', () => {
    const listed = listedFolders();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(trackedFolders());
  });
});
