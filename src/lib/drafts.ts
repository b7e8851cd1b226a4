/**
 * News items without a publication date are drafts: an editor sets `datum` on the day the item is
 * published, never earlier. A draft builds without error but is not published (no page, not on the
 * start page, in Aktuelles, the RSS feed or the sitemap); the build lists every draft, so nobody
 * ships a date that is false on the day of publication.
 */
import { frontmatter } from './checked.ts';

/** Whether a news item's frontmatter has a publication date. */
export function isPublished(data: { readonly datum?: Date | undefined }): data is { readonly datum: Date } {
  return data.datum !== undefined;
}

/** The news files among `files` (Markdown/MDX text) that are drafts: no `datum` in their frontmatter. */
export function findDrafts(files: readonly { file: string; text: string }[]): string[] {
  const undated = (text: string): boolean => {
    const datum = frontmatter(text)['datum'];
    return datum === undefined || datum === null || datum === '';
  };
  return files.filter((f) => /\.mdx?$/.test(f.file) && undated(f.text)).map((f) => f.file);
}

/** One line per draft, for the build log. */
export function formatDraftReport(drafts: readonly string[]): string {
  if (drafts.length === 0) return 'Keine Meldung im Entwurf.';
  return (
    `${drafts.length} Meldung(en) ohne „datum“ – Entwurf, nicht veröffentlicht. ` +
    `Tragen Sie „datum: JJJJ-MM-TT“ am Tag der Veröffentlichung ein:\n${drafts.map((file) => `  ${file}`).join('\n')}`
  );
}
