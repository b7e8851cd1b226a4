/** A temporary folder that its creator removes again, for the tests, the bench and the test PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  readonly path: string;
  /** Deletes the folder and everything in it. */
  remove(): void;
}

export function tempDir(prefix = 'kv-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
