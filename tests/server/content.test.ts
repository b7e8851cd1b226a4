/**
 * The server reads offers and site facts through the build's schemas and checks: the fixture content
 * passes; broken content stops the server with the schema's German message, naming file and field;
 * an offer's file is its form, so removing the file removes the form.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError, readContent } from '../../server/content.ts';
import { loadConfig } from '../../server/config.ts';
import { createTestApp, fixture, FIXTURE_CONTENT, json, repoRoot, tempDir, validInteresse } from './helpers.ts';

describe('reading the fixture content', () => {
  it('finds every offer, .mdx and .md, by file name, in the order of `reihenfolge`', () => {
    expect(fixture.offers.map((o) => o.id)).toEqual(['musterdienst', 'beispielantrag']);
    expect(fixture.offers[1]?.veroeffentlicht).toEqual(new Date('2026-11-02'));
    expect(fixture.site.organisation.postfach).toBe('postfach@beispiel-anstalt.example');
  });
});

describe('broken content', () => {
  let copy: ReturnType<typeof tempDir>;
  let content: string;
  const offerFile = () => join(content, 'offers', 'musterdienst.mdx');
  const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  const problemsOf = (): string => {
    try {
      readContent(content);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as Error).message;
    }
    throw new Error('readContent() hat den Fehler nicht gemeldet');
  };
  /** Every part must stand in the one message that reports all problems at once. */
  const expectProblems = (...parts: string[]): void => {
    const message = problemsOf();
    for (const part of parts) expect(message).toContain(part);
  };

  beforeEach(() => {
    copy = tempDir('kv-content-');
    cpSync(join(FIXTURE_CONTENT, '..'), copy.path, { recursive: true });
    content = join(copy.path, 'content');
  });
  afterEach(() => copy.remove());

  it('a date in German notation: the schema message for editors, with file and field', () => {
    edit(offerFile(), (text) => text.replace(/^stand: .*$/m, 'stand: 01.11.2026'));
    expect(problemsOf()).toContain('offers/musterdienst.mdx, stand: Das Feld „stand“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.');
  });

  it('an OZG-ID as text and a missing title, both reported at once', () => {
    edit(offerFile(), (text) => text.replace('ozgId: 99001', 'ozgId: neun').replace(/^titel: .*\n/m, ''));
    expectProblems(
      'Der Inhalt in',
      'hat 2 Fehler',
      'titel: Das Feld „titel“ fehlt oder ist kein Text. Tragen Sie den Namen des Angebots ein.',
      'leistungen.0.ozgId: Das Feld „leistungen → ozgId“ braucht die OZG-ID als Zahl, z. B. 10255.',
    );
  });

  it('a missing contact, a missing download file and a file name that cannot be an address', () => {
    edit(offerFile(), (text) => text.replace('  - frieda-fiktiv\n', '  - frieda-fiktiv\n  - max-muster\n'));
    rmSync(join(copy.path, 'public', 'downloads', 'beispielantrag-vertrag.pdf'));
    cpSync(join(content, 'offers', 'beispielantrag.md'), join(content, 'offers', 'Neues Angebot.md'));
    expectProblems(
      'musterdienst.mdx, Feld „kontakte“: „max-muster“ gibt es nicht. Legen Sie',
      'Feld „datei“: Die Datei',
      'public/downloads/beispielantrag-vertrag.pdf fehlt.',
      'Neues Angebot.md: Der Dateiname wird Teil der Adresse des Angebots.',
    );
  });

  it('an offer title that makes a page title longer than 70 characters, with the length it may have', () => {
    edit(offerFile(), (text) => text.replace(/^titel: .*$/m, 'titel: Ein sehr langer Titel für einen erfundenen Musterdienst'));
    expect(problemsOf()).toMatch(/musterdienst\.mdx, Feld „titel“: Der Seitentitel „Interesse bekunden: Ein sehr langer Titel .*“ wäre \d+ Zeichen lang; .* Kürzen Sie „titel“ auf höchstens \d+ Zeichen\./);
  });

  it('no site.yaml', () => {
    rmSync(join(content, 'site', 'site.yaml'));
    expect(problemsOf()).toMatch(/site\/ muss genau eine Datei site\.yaml/);
  });

  it('stops the server before it listens', () => {
    edit(join(content, 'site', 'site.yaml'), (text) => text.replace(/postfach: .*/, 'postfach: kein-postfach'));
    expect(() => loadConfig({ CONTENT_DIR: content, DIST_DIR: '' }, repoRoot)).toThrow(
      'organisation.postfach: Das Feld „organisation → postfach“ ist keine gültige E-Mail-Adresse, z. B. name@digitales.nrw.de.',
    );
  });

  it('removing an offer file removes its form', async () => {
    rmSync(join(content, 'offers', 'beispielantrag.md'));
    const t = await createTestApp({ CONTENT_DIR: content });
    try {
      expect([...t.config.forms.keys()]).toEqual(['interesse-musterdienst', 'barriere-melden']);
      const removed = await t.app.inject({ method: 'POST', url: '/f/interesse-beispielantrag', payload: validInteresse(), headers: json });
      expect(removed.statusCode).toBe(404);
      expect(removed.json()).toMatchObject({ errors: [{ code: 'FORM_NOT_FOUND' }] });
    } finally {
      await t.close();
    }
  });

  it('a form key for a form that does not exist stops the server with a German message naming the variable', () => {
    expect(() => loadConfig({ CONTENT_DIR: content, DIST_DIR: '', FORM_KEY_INTERESSE: 'alt' }, repoRoot)).toThrow(/FORM_KEY_INTERESSE: Ein solches Formular gibt es nicht/);
  });
});
