/**
 * Content that is true on the day it is read: no backdated news, a "Stand der Angaben" only where an
 * editor set one, and texts that describe the deployment the site is built for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnchecked, formatUncheckedReport, frontmatter, isChecked } from '../../src/lib/checked.ts';
import { formHandling } from '../../src/lib/deployment.ts';
import { readDeploymentEnv } from '../../src/lib/env.ts';
import { isGap } from '../../src/lib/gaps.ts';
import { isoDate } from '../../src/lib/dates.ts';
import { newsSchema } from '../../src/lib/content-schemas.ts';

const mdx = (fields: string) => `---\ntitel: Fiktive Seite\n${fields}---\n\nText.\n`;

describe('Stand der Angaben', () => {
  it('counts a page as checked only when its frontmatter sets stand', () => {
    expect(isChecked(mdx('stand: 2025-06-30\n'))).toBe(true);
    expect(isChecked(mdx(''))).toBe(false);
    expect(isChecked(mdx('stand:\n'))).toBe(false);
    expect(isChecked('Kein Frontmatter')).toBe(false);
  });

  it('lists every unchecked page for the build log', () => {
    const unchecked = findUnchecked([
      { file: 'content/pages/geprueft.mdx', text: mdx('stand: 2025-06-30\n') },
      { file: 'content/pages/offen.mdx', text: mdx('') },
      { file: 'content/offers/beispiel.mdx', text: mdx('quellen: []\n') },
    ]);
    expect(unchecked.map((u) => u.file)).toEqual(['content/pages/offen.mdx', 'content/offers/beispiel.mdx']);
    const report = formatUncheckedReport(unchecked);
    expect(report).toMatch(/^2 Seite\(n\) ohne „Stand der Angaben“/);
    expect(report).toContain('\n  content/pages/offen.mdx');
    expect(formatUncheckedReport([])).toBe('Alle Seiten haben einen „Stand der Angaben“.');
  });
});

describe('news are not backdated', () => {
  /**
   * The day a file was first written into the repository (author date: kept when a commit is rebased,
   * cherry-picked or merged later), or undefined (not committed, or a shallow clone).
   */
  function firstCommitDay(file: string): string | undefined {
    try {
      if (execFileSync('git', ['rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim() === 'true') return undefined;
      const days = execFileSync('git', ['log', '--diff-filter=A', '--follow', '--format=%as', '--', file], { encoding: 'utf8' }).trim().split('\n');
      return days.at(-1) || undefined;
    } catch {
      return undefined;
    }
  }

  const newsDir = 'content/news';
  /** Days between writing an item and merging it that are not backdating. */
  const GRACE_DAYS = 7;
  const DAY_MS = 86_400_000;

  // One test for all items: with no news (git then keeps no content/news folder) there is nothing
  // to check, and a suite without tests would fail.
  it('every news item is dated no earlier than the day it came into the portal', () => {
    const items = existsSync(newsDir) ? readdirSync(newsDir).filter((f) => /\.mdx?$/.test(f)) : [];
    for (const name of items) {
      const file = join(newsDir, name);
      const { datum } = newsSchema.parse(frontmatter(readFileSync(file, 'utf8')));
      const added = firstCommitDay(file);
      if (added === undefined) continue;
      // An item dated the day it was written and merged some days later claims no earlier time;
      // "01.01.2024" on an item written in 2026 does.
      const earliest = isoDate(new Date(Date.parse(`${added}T12:00:00Z`) - GRACE_DAYS * DAY_MS));
      expect(isoDate(datum) >= earliest, `${file}: datum ${isoDate(datum)} liegt mehr als ${GRACE_DAYS} Tage vor ${added}, dem Tag, an dem die Meldung geschrieben wurde`).toBe(true);
    }
  });
});

describe('where form data go follows the configuration', () => {
  const handling = (env: Record<string, string>) => formHandling(readDeploymentEnv(env));
  const formspree = { FORM_BACKEND: 'formspree', PUBLIC_FORM_ENDPOINT: 'https://formspree.io', FORMSPREE_BESTAETIGT: 'ja' };

  it("this site's own server when nothing or an endpoint on this machine is set", () => {
    expect(handling({})).toBe('eigener-server');
    expect(handling({ PUBLIC_FORM_ENDPOINT: 'http://127.0.0.1:4322' })).toBe('eigener-server');
    expect(handling({ FORM_BACKEND: 'eigener-server', PUBLIC_FORM_ENDPOINT: 'http://localhost:4322' })).toBe('eigener-server');
  });

  it('an endpoint on another host needs its kind: the own form server there, or Formspree', () => {
    expect(() => handling({ PUBLIC_FORM_ENDPOINT: 'https://formulare.example' })).toThrow(
      /PUBLIC_FORM_ENDPOINT=https:\/\/formulare\.example: .*FORM_BACKEND ist aber eigener-server\. Setzen Sie FORM_BACKEND=eigener-server-extern/,
    );
    expect(handling({ FORM_BACKEND: 'eigener-server-extern', PUBLIC_FORM_ENDPOINT: 'https://formulare.example' })).toBe('eigener-server-extern');
    expect(handling(formspree)).toBe('formspree');
  });

  it('each kind refuses settings its texts would not describe truthfully', () => {
    expect(() => handling({ FORM_BACKEND: 'eigener-server-extern' })).toThrow('FORM_BACKEND=eigener-server-extern braucht PUBLIC_FORM_ENDPOINT');
    expect(() => handling({ FORM_BACKEND: 'eigener-server-extern', PUBLIC_FORM_ENDPOINT: 'https://formspree.io' })).toThrow('ist Formspree, FORM_BACKEND aber eigener-server-extern');
    expect(() => handling({ FORM_BACKEND: 'eigener-server-extern', PUBLIC_FORM_ENDPOINT: 'https://formulare.example', FORMSPREE_BESTAETIGT: 'ja' })).toThrow(
      'FORMSPREE_BESTAETIGT=ja, aber FORM_BACKEND=eigener-server-extern',
    );
    expect(() => handling({ FORM_BACKEND: 'formspree', FORMSPREE_BESTAETIGT: 'ja' })).toThrow('FORM_BACKEND=formspree braucht PUBLIC_FORM_ENDPOINT');
    expect(() => handling({ ...formspree, PUBLIC_FORM_ENDPOINT: 'https://formulare.example' })).toThrow('ist nicht Formspree');
    expect(() => handling({ ...formspree, FORMSPREE_BESTAETIGT: '' })).toThrow(/FORM_BACKEND=formspree: .*FORMSPREE_BESTAETIGT=ja/s);
    expect(() => handling({ FORMSPREE_BESTAETIGT: 'ja' })).toThrow('FORMSPREE_BESTAETIGT=ja, aber FORM_BACKEND=eigener-server');
    expect(() => handling({ ...formspree, FORMSPREE_BESTAETIGT: 'yes' })).toThrow(/FORMSPREE_BESTAETIGT="yes": erlaubt ist nur „ja“/);
    expect(() => handling({ FORM_BACKEND: 'extern' })).toThrow('FORM_BACKEND="extern" gibt es nicht: erlaubt sind eigener-server, eigener-server-extern, formspree.');
  });
});

describe('gap markers', () => {
  it('tells a filled value from a gap', () => {
    expect(isGap('[LÜCKE: Telefonnummer]')).toBe(true);
    expect(isGap('die Geschäftsführung: [LÜCKE: Namen]')).toBe(true);
    expect(isGap('+49 231 0000-0')).toBe(false);
  });
});
