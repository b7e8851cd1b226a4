/**
 * The templates of the editors' guide (REDAKTION.md) carry no publication date: an editor sets it on
 * the day of publication, so a copied template never ships a date that is false on that day. A new
 * news item from the template is a draft until then.
 */
import { describe, expect, it } from 'vitest';
import { frontmatter } from '../../src/lib/checked.ts';
import { newsSchema } from '../../src/lib/content-schemas.ts';
import { isPublished } from '../../src/lib/drafts.ts';
import { guide, templateUnder } from '../walk/guide.ts';

const text = guide(process.cwd());

describe("the editors' guide's templates", () => {
  it('leave the publication date of an offer and of a news item to the day of publication', () => {
    for (const [heading, field] of [
      ['Ein neues Angebot hinzufügen', 'veroeffentlicht'],
      ['Eine Meldung (Aktuelles) hinzufügen', 'datum'],
    ] as const) {
      const template = templateUnder(text, heading);
      expect(frontmatter(template)[field], `${heading}: ${field}`).toBeUndefined();
      expect(template, `${heading}: the line to complete on the day`).toMatch(new RegExp(`^# ${field}: JJJJ-MM-TT$`, 'm'));
    }
  });

  it('make a news item a draft until its date is set', () => {
    const news = newsSchema.parse(frontmatter(templateUnder(text, 'Eine Meldung (Aktuelles) hinzufügen')));
    expect(isPublished(news)).toBe(false);
  });
});
