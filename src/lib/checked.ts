/**
 * "Stand der Angaben": an editor sets `stand` in an entry's frontmatter on the day they checked its
 * facts. An entry without it is shown without a date, and the build lists it here, so that nobody
 * mistakes the build date (or a source's date) for a check.
 */
import { parseFrontmatter } from 'astro/markdown';

/** Collections whose entries are pages of their own and carry a `stand`. */
export const CHECKED_COLLECTIONS = ['offers', 'pages', 'news'] as const;

export interface Unchecked {
  /** File relative to the project, e. g. content/offers/aufenthaltstitel.md. */
  file: string;
}

/** The frontmatter of a Markdown/MDX text, read by Astro's own parser (as the build reads it), or an empty object. */
export function frontmatter(text: string): Record<string, unknown> {
  return parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).frontmatter;
}

/** Whether the entry's frontmatter sets a Stand der Angaben. */
export function isChecked(text: string): boolean {
  const value = frontmatter(text)['stand'];
  return value !== undefined && value !== null && value !== '';
}

/** The files among `files` whose facts no editor has marked as checked. */
export function findUnchecked(files: readonly { file: string; text: string }[]): Unchecked[] {
  return files.filter((f) => /\.mdx?$/.test(f.file) && !isChecked(f.text)).map((f) => ({ file: f.file }));
}

/** One line per unchecked page, for the build log. */
export function formatUncheckedReport(unchecked: readonly Unchecked[]): string {
  if (unchecked.length === 0) return 'Alle Seiten haben einen „Stand der Angaben“.';
  const lines = unchecked.map((u) => `  ${u.file}`);
  return (
    `${unchecked.length} Seite(n) ohne „Stand der Angaben“ (nicht geprüft, es wird kein Datum gezeigt). ` +
    `Tragen Sie „stand: JJJJ-MM-TT“ ein, sobald Sie die Angaben geprüft haben:\n${lines.join('\n')}`
  );
}
