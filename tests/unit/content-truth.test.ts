/**
 * Content that is true on the day it is read: no backdated news or offers, a "Stand der Angaben" only where an
 * editor set one, and texts that describe the deployment the site is built for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../../scripts/lib/temp-dir.ts';
import { firstCommitDay } from '../lib/git-history.ts';
import { findUnchecked, formatUncheckedReport, frontmatter, isChecked } from '../../src/lib/checked.ts';
import { formHandling } from '../../src/lib/deployment.ts';
import { findDrafts, formatDraftReport, isPublished } from '../../src/lib/drafts.ts';
import { readDeploymentEnv } from '../../shared/lib/env.ts';
import { isGap } from '../../shared/lib/gaps.ts';
import { isoDate } from '../../shared/lib/dates.ts';
import { date } from '../../src/lib/schema-fields.ts';

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

describe('news drafts', () => {
  it('a news item without datum is a draft, listed for the build log', () => {
    const drafts = findDrafts([
      { file: 'content/news/fertig.mdx', text: mdx('datum: 2026-12-07\n') },
      { file: 'content/news/entwurf.mdx', text: mdx('# datum: JJJJ-MM-TT\n') },
      { file: 'content/news/leer.mdx', text: mdx('datum:\n') },
    ]);
    expect(drafts).toEqual(['content/news/entwurf.mdx', 'content/news/leer.mdx']);
    expect(formatDraftReport(drafts)).toMatch(/^2 Meldung\(en\) ohne „datum“ – Entwurf, nicht veröffentlicht\. .*\n {2}content\/news\/entwurf\.mdx\n {2}content\/news\/leer\.mdx$/);
    expect(formatDraftReport([])).toBe('Keine Meldung im Entwurf.');
    expect(isPublished({ datum: new Date('2026-12-07') })).toBe(true);
    expect(isPublished({})).toBe(false);
  });
});

describe('news and offers are not backdated', () => {
  /** Days between writing an item and merging it that are not backdating. */
  const GRACE_DAYS = 7;
  const DAY_MS = 86_400_000;

  /** The entries of a content folder with their publication date (`field`), drafts and undated offers left out. */
  function dated(folder: string, field: 'datum' | 'veroeffentlicht'): { file: string; day: string }[] {
    const dir = join('content', folder);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.mdx?$/.test(f)) : [];
    return files.flatMap((name) => {
      const value = frontmatter(readFileSync(join(dir, name), 'utf8'))[field];
      return value instanceof Date || typeof value === 'string' ? [{ file: join(dir, name), day: isoDate(date(field).parse(value)) }] : [];
    });
  }

  // One test for all items: with no dated item (git keeps no empty content/news folder) there is
  // nothing to compare, but the history must still be readable, or the check would pass unseen.
  it('every news item and offer is dated no earlier than the day it came into the portal', () => {
    expect(firstCommitDay('content'), 'the history is readable').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const { file, day } of [...dated('news', 'datum'), ...dated('offers', 'veroeffentlicht')]) {
      const added = firstCommitDay(file);
      // An item dated the day it was written and merged some days later claims no earlier time;
      // "01.01.2024" on an item written in 2026 does.
      const earliest = isoDate(new Date(Date.parse(`${added}T12:00:00Z`) - GRACE_DAYS * DAY_MS));
      expect(day >= earliest, `${file}: ${day} liegt mehr als ${GRACE_DAYS} Tage vor ${added}, dem Tag, an dem die Datei ins Portal kam`).toBe(true);
    }
  });
});

describe('the history the no-backdating check reads', () => {
  const scratch: TempDir[] = [];
  afterAll(() => {
    for (const dir of scratch) dir.remove();
  });
  const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-04T12:00:00Z', GIT_COMMITTER_DATE: '2026-03-04T12:00:00Z' } });
  function repository(): string {
    const dir = tempDir('kv-history-');
    scratch.push(dir);
    run(dir.path, 'init', '-q');
    run(dir.path, 'config', 'user.email', 'test@example.org');
    run(dir.path, 'config', 'user.name', 'Test');
    writeFileSync(join(dir.path, 'meldung.mdx'), 'Text\n');
    run(dir.path, 'add', '.');
    run(dir.path, 'commit', '-q', '-m', 'Meldung');
    writeFileSync(join(dir.path, 'zweite.mdx'), 'Text\n');
    run(dir.path, 'add', '.');
    run(dir.path, 'commit', '-q', '-m', 'Zweite');
    return dir.path;
  }

  it('gives the author day of the commit that added a file, and today for a file not committed yet', () => {
    const repo = repository();
    expect(firstCommitDay('meldung.mdx', repo)).toBe('2026-03-04');
    writeFileSync(join(repo, 'neu.mdx'), 'Text\n');
    expect(firstCommitDay('neu.mdx', repo, new Date('2026-05-06T12:00:00Z'))).toBe('2026-05-06');
  });

  it('fails loudly in a shallow clone and outside a repository, instead of checking nothing', () => {
    const repo = repository();
    const shallow = tempDir('kv-shallow-');
    scratch.push(shallow);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow.path]);
    expect(() => firstCommitDay('meldung.mdx', shallow.path)).toThrow('flacher Klon');
    const bare = tempDir('kv-no-git-');
    scratch.push(bare);
    expect(() => firstCommitDay('meldung.mdx', bare.path)).toThrow('Die Git-Historie ist nicht lesbar');
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
