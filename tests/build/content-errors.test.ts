/**
 * The build as an editor meets it, on a copy of the fixture content: a broken reference, a missing
 * download file or a wrong date fails the build with a German message that names file and field;
 * an editorial gap is listed. The build is the one reader of the content: the form server runs
 * only on what a build that passed wrote for it (content.json), so it never sees content the build
 * rejects.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type TempProject } from '../../scripts/lib/temp-project.ts';

describe('content errors in a real build', { timeout: 180_000 }, () => {
  let project: TempProject;
  let content: string;
  const offerFile = () => join(content, 'offers/musterdienst.mdx');
  const original = readFileSync('tests/fixtures/content/offers/musterdienst.mdx', 'utf8');
  const build = () => buildProject(project.root, { CONTENT_DIR: 'fixtures/content' });

  beforeEach(() => {
    project = createTempProject();
    cpSync('tests/fixtures', join(project.root, 'fixtures'), { recursive: true });
    content = join(project.root, 'fixtures/content');
  });
  afterEach(() => project.remove());

  it('a missing contact and a missing download file fail the build, naming file and field', async () => {
    writeFileSync(offerFile(), original.replace('  - frieda-fiktiv\n', '  - frieda-fiktiv\n  - max-muster\n'));
    rmSync(join(project.root, 'fixtures/public/downloads/musterdienst-folien.pdf'));
    const result = await build();
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Der Inhalt hat 2 Fehler');
    const missingContact = 'fixtures/content/offers/musterdienst.mdx, Feld „kontakte“: „max-muster“ gibt es nicht. Legen Sie fixtures/content/contacts/max-muster.yaml an oder korrigieren Sie den Namen.';
    const missingFile = 'fixtures/content/downloads/musterdienst-folien.yaml, Feld „datei“: Die Datei fixtures/public/downloads/musterdienst-folien.pdf fehlt.';
    expect(result.output).toContain(missingContact);
    expect(result.output).toContain(missingFile);
  });

  it('a date in German notation fails the build with the schema message for editors', async () => {
    writeFileSync(offerFile(), original.replace(/^stand: .*$/m, 'stand: 01.11.2026'));
    const message = 'Das Feld „stand“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.';
    const result = await build();
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('musterdienst');
    expect(result.output).toContain(message);
  });

  // Two changes that build, in one build: a draft and a gap in different files.
  it('a news item without datum is a draft (built, published nowhere, listed), and a new editorial gap builds and is listed with file and line', async () => {
    const newsFile = join(content, 'news/erste-meldung.mdx');
    const news = readFileSync(newsFile, 'utf8');
    const titel = /^titel: (.*)$/m.exec(news)?.[1] ?? '';
    writeFileSync(newsFile, news.replace(/^datum: .*\n/m, ''));
    writeFileSync(offerFile(), original.replace(/^umsetzer: .*$/m, 'umsetzer: "[LÜCKE: Umsetzer bestätigen]"'));
    const line = original.split('\n').findIndex((l) => l.startsWith('umsetzer:')) + 1;
    const result = await build();
    expect(result.code, result.output.slice(-2000)).toBe(0);

    expect(result.output).toContain('1 Meldung(en) ohne „datum“ – Entwurf, nicht veröffentlicht.');
    expect(result.output).toContain('  fixtures/content/news/erste-meldung.mdx');
    expect(existsSync(join(project.root, 'dist/aktuelles/erste-meldung'))).toBe(false);
    for (const file of ['dist/index.html', 'dist/aktuelles/index.html', 'dist/aktuelles/rss.xml', 'dist/sitemap-0.xml']) {
      const text = readFileSync(join(project.root, file), 'utf8');
      expect(text, file).not.toContain('erste-meldung');
      expect(text, file).not.toContain(titel);
    }

    expect(result.output).toMatch(/\d+ offene redaktionelle Lücke\(n\) – bitte ergänzen:/);
    expect(result.output).toContain(`fixtures/content/offers/musterdienst.mdx:${line}  Umsetzer bestätigen`);
    const html = readFileSync(join(project.root, 'dist/angebote/musterdienst/index.html'), 'utf8');
    expect(html).toContain('wird ergänzt');
    expect(html).not.toContain('LÜCKE');
  });
});
