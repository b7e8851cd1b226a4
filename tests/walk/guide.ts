/**
 * The README's Redaktionsleitfaden as the walk reads it: the code block an editor copies under a
 * heading. The walk uses these blocks as they are, so a template that does not build fails the walk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const GUIDE_HEADING = '## Redaktionsleitfaden';

/** The guide section of README.md in `root`. */
export function guide(root: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(GUIDE_HEADING);
  if (start < 0) throw new Error(`README.md: der Abschnitt „${GUIDE_HEADING}“ fehlt.`);
  const end = readme.indexOf('\n## ', start + GUIDE_HEADING.length);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The first fenced code block below the `### heading` of the guide. */
export function templateUnder(text: string, heading: string): string {
  const at = text.indexOf(`\n### ${heading}\n`);
  if (at < 0) throw new Error(`Redaktionsleitfaden: die Überschrift „${heading}“ fehlt.`);
  const next = text.indexOf('\n### ', at + 1);
  const section = text.slice(at, next < 0 ? undefined : next);
  const block = /\n```[a-z]*\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`Redaktionsleitfaden: unter „${heading}“ steht keine Vorlage.`);
  return `${block}\n`;
}
