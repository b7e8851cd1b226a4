/**
 * Driving the editing UI (Sveltia CMS at /redaktion/) in a browser on its test backend, for the
 * browser tests (tests/e2e/cms/), the content round trip (`npm run cms:normalise`) and the guide's
 * screenshots (`npm run screenshots`). The test backend keeps its repository in the browser's
 * origin-private file system, folder `sveltia-cms-test`: these helpers fill it with a copy of the
 * content and read back what the CMS wrote, file by file, byte by byte.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';

/** The folder of the CMS's test repository in the origin-private file system. */
const TEST_REPOSITORY = 'sveltia-cms-test';

/** Files by their path in the repository (as the CMS configuration names them). */
export type RepositoryFiles = Map<string, Buffer>;

/** Every file below `folders` (absolute paths), keyed by its path relative to `root`. */
export function repositoryFiles(root: string, folders: readonly string[]): RepositoryFiles {
  const files: RepositoryFiles = new Map();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

/** Puts `files` into the test repository of the page's origin (replacing what was there). */
export async function fillTestRepository(page: Page, files: RepositoryFiles): Promise<void> {
  const entries = [...files].map(([path, bytes]) => [path, bytes.toString('base64')] as const);
  await page.evaluate(
    async ({ folder, entries }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(folder, { recursive: true }).catch(() => undefined);
      const repository = await root.getDirectoryHandle(folder, { create: true });
      for (const [path, base64] of entries) {
        const parts = path.split('/');
        let dir = repository;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1) ?? '', { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { folder: TEST_REPOSITORY, entries },
  );
}

/** Every file of the test repository as the CMS left it. */
export async function readTestRepository(page: Page): Promise<RepositoryFiles> {
  const entries = await page.evaluate(async (folder) => {
    const result: [string, string][] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          result.push([`${prefix}${name}`, btoa(binary)]);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(folder), '');
    return result;
  }, TEST_REPOSITORY);
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
}

/** Opens the editing UI with `files` in its test repository and signs in; resolves once the collections are listed. */
export async function openEditingUi(page: Page, files: RepositoryFiles, base = ''): Promise<void> {
  await page.goto(`${base}/redaktion/`);
  await fillTestRepository(page, files);
  await page.reload();
  await page.getByRole('button', { name: 'Mit Test-Repository arbeiten' }).click();
  await page.getByRole('tree', { name: 'Liste der Sammlungen' }).waitFor();
}

/** Opens an entry's editor by its address in the CMS. */
export async function openEntry(page: Page, collection: string, entry: string, base = ''): Promise<void> {
  await page.goto(`${base}/redaktion/#/collections/${collection}/entries/${entry}`);
  await page.getByRole('group', { name: 'Inhaltseditor' }).waitFor();
}

/** Saves the open entry and waits until the CMS says it is saved. */
export async function saveEntry(page: Page): Promise<void> {
  const editor = page.getByRole('group', { name: 'Inhaltseditor' });
  await editor.getByRole('toolbar', { name: 'Primär' }).getByRole('button', { name: 'Speichern', exact: true }).click();
  // The CMS closes the editor once the entry is written (and keeps it open on a validation error).
  await editor.waitFor({ state: 'detached' });
}

/**
 * The group of an entry's field by its label ("Feld „Kontakte“"). The CMS renders fields as they
 * scroll into view, so the editor is scrolled down until the field exists.
 */
export async function field(page: Page, label: string, within = page.getByRole('group', { name: 'Inhaltseditor' })) {
  const group = within.getByRole('group', { name: `Feld „⁨${label}⁩“`, exact: true }).first();
  for (let attempt = 0; attempt < 40 && (await group.count()) === 0; attempt++) {
    await within.evaluate((editor) => {
      const fields = editor.querySelectorAll('[role="group"][aria-label^="Feld"]');
      let node: Element | null = fields[fields.length - 1] ?? editor;
      while (node !== null && !(node.scrollHeight > node.clientHeight && getComputedStyle(node).overflowY !== 'visible')) node = node.parentElement;
      node?.scrollBy(0, 600);
    });
    await page.waitForTimeout(100);
  }
  await group.scrollIntoViewIfNeeded();
  return group;
}
