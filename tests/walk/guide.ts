/**
 * The editors' guide (REDAKTION.md) as the walk reads it: the code block an editor copies under a
 * heading. The walk uses these blocks as they are, so a template that does not build fails the walk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The editors' guide, beside the README. */
export const GUIDE_FILE = 'REDAKTION.md';

/** The text of the editors' guide in `root`. */
export function guide(root: string): string {
  return readFileSync(join(root, GUIDE_FILE), 'utf8');
}

/** The first fenced code block below the `## heading` of the guide. */
export function templateUnder(text: string, heading: string): string {
  const at = text.indexOf(`\n## ${heading}\n`);
  if (at < 0) throw new Error(`${GUIDE_FILE}: die Überschrift „${heading}“ fehlt.`);
  const next = text.indexOf('\n## ', at + 1);
  const section = text.slice(at, next < 0 ? undefined : next);
  const block = /\n```[a-z]*\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`${GUIDE_FILE}: unter „${heading}“ steht keine Vorlage.`);
  return `${block}\n`;
}
