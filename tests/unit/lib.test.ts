import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../../scripts/lib/temp-dir.ts';
import { phaseOrderProblems, phaseRange, phaseStatus, phaseStatusText } from '../../src/lib/cost-phases.ts';
import { berlinWallClock, berlinYear, formatDate, isoDate } from '../../shared/lib/dates.ts';
import { describeFile, formatBytes, readFileInfo } from '../../src/lib/file-info.ts';
import { findGaps, formatGapReport, gapParts, withGapText, withGapTexts } from '../../shared/lib/gaps.ts';
import { integrityProblems, markdownComponentProblems, sameTextProblems, titleProblems } from '../../src/lib/integrity.ts';
import { resolveBuildDate } from '../../src/lib/build-info.ts';
import { fill, templateParts } from '../../shared/strings/de.ts';
import { offerPageTexts } from '../../shared/forms/index.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('cost phases', () => {
  const federal = { bis: day('2023-12-31') };
  const anlage3 = { von: day('2024-01-01') };

  it('the federally funded phase applies until 31.12.2023 inclusive', () => {
    expect(phaseStatus(federal, day('2023-12-31'))).toBe('aktuell');
    expect(phaseStatus(anlage3, day('2023-12-31'))).toBe('kuenftig');
  });

  it('from 01.01.2024 the Anlage 3 phase applies and the first one is over', () => {
    expect(phaseStatus(federal, day('2024-01-01'))).toBe('vergangen');
    expect(phaseStatus(anlage3, day('2024-01-01'))).toBe('aktuell');
    expect(phaseStatus(anlage3, day('2026-11-28'))).toBe('aktuell');
  });

  it('compares calendar days in Berlin, not UTC', () => {
    // 31.12.2023 23:30 UTC is already 01.01.2024 in Berlin.
    expect(phaseStatus(anlage3, new Date('2023-12-31T23:30:00Z'))).toBe('aktuell');
  });

  it('writes ranges with absolute German dates', () => {
    expect(phaseRange(federal)).toBe('bis 31.12.2023');
    expect(phaseRange(anlage3)).toBe('ab 01.01.2024');
    expect(phaseRange({ von: day('2024-01-01'), bis: day('2024-12-31') })).toBe('01.01.2024 bis 31.12.2024');
    expect(() => phaseRange({})).toThrow(/von/);
  });

  it('says a phase applies now only for checked facts; unchecked, it states what the source said', () => {
    const today = day('2031-02-03');
    expect(phaseStatusText(anlage3, today, { stand: day('2030-06-30'), originalJahr: 2023 })).toBe('gilt jetzt');
    expect(phaseStatusText(anlage3, today, { originalJahr: 2023 })).toBe('gilt laut Originalseite (2023) ab 01.01.2024');
    expect(phaseStatusText({ von: day('2032-01-01') }, today, { originalJahr: 2023 })).toBe('gilt laut Originalseite (2023) ab 01.01.2032');
    expect(phaseStatusText({ von: day('2030-01-01'), bis: day('2031-12-31') }, today, {})).toBe('gilt laut den Quellen dieser Seite vom 01.01.2030 bis 31.12.2031');
    expect(phaseStatusText(federal, today, { originalJahr: 2023 })).toBe('abgeschlossen');
  });

  it('finds phases that overlap or leave their order open', () => {
    expect(phaseOrderProblems([federal, anlage3])).toEqual([]);
    expect(phaseOrderProblems([{ bis: day('2024-06-30') }, anlage3])).toEqual(['Kostenphase 2 beginnt, bevor Kostenphase 1 endet.']);
    expect(phaseOrderProblems([anlage3, federal])).toHaveLength(1);
  });
});

describe('dates', () => {
  it('formats German and ISO dates in Berlin time', () => {
    expect(formatDate(day('2024-01-01'))).toBe('01.01.2024');
    expect(isoDate(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
  });
  it('gives the year and the wall-clock time of a moment in Berlin', () => {
    expect(berlinYear(new Date('2025-12-31T22:59:59Z'))).toBe(2025);
    expect(berlinYear(new Date('2025-12-31T23:00:00Z'))).toBe(2026);
    expect(berlinWallClock('2026-01-15T23:30:05Z').toISOString()).toBe('2026-01-16T00:30:05.000Z');
    expect(berlinWallClock('2026-03-29T01:30:00Z').toISOString()).toBe('2026-03-29T03:30:00.000Z');
  });
  it('BUILD_DATE pins the described day and rejects other formats', () => {
    expect(isoDate(resolveBuildDate('2023-06-01'))).toBe('2023-06-01');
    expect(resolveBuildDate(undefined, day('2026-11-28'))).toEqual(day('2026-11-28'));
    expect(() => resolveBuildDate('01.06.2023')).toThrow(/JJJJ-MM-TT/);
  });
});

describe('file info', () => {
  it('formats sizes in German decimal units', () => {
    expect(formatBytes(900)).toBe('900 Byte');
    expect(formatBytes(2743)).toBe('2,7 KB');
    expect(formatBytes(340_000)).toBe('340 KB');
    expect(formatBytes(1_234_567)).toBe('1,2 MB');
  });

  let folder: TempDir | undefined;
  afterEach(() => folder?.remove());

  it('reads type, size and page count from the PDF itself', async () => {
    folder = tempDir('kv-file-');
    const dir = folder.path;
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.addPage();
    pdf.addPage();
    const bytes = await pdf.save();
    const path = join(dir, 'drei-seiten.pdf');
    writeFileSync(path, bytes);
    const info = await readFileInfo(path);
    expect(info).toEqual({ type: 'PDF', mime: 'application/pdf', bytes: bytes.length, pages: 3 });
    expect(describeFile(info)).toBe(`PDF, ${formatBytes(bytes.length)}, 3 Seiten`);
    expect(describeFile({ ...info, pages: 1 })).toMatch(/, 1 Seite$/);
  });

  it('fails with a German message on a broken PDF or an unknown type', async () => {
    folder = tempDir('kv-file-');
    const dir = folder.path;
    writeFileSync(join(dir, 'kaputt.pdf'), 'not a pdf');
    writeFileSync(join(dir, 'notiz.txt'), 'x');
    await expect(readFileInfo(join(dir, 'kaputt.pdf'))).rejects.toThrow(/lässt sich nicht lesen/);
    await expect(readFileInfo(join(dir, 'notiz.txt'))).rejects.toThrow(/wird nicht unterstützt/);
  });
});

describe('editorial gaps', () => {
  it('lists gaps in YAML values and MDX text with their lines, but not in YAML comments', () => {
    const yaml = '# Write gaps as "[LÜCKE: what]"\ntelefon: "[LÜCKE: Telefon]"\nname: X\n';
    expect(findGaps('content/site/site.yaml', yaml)).toEqual([{ file: 'content/site/site.yaml', line: 2, what: 'Telefon' }]);
    const mdx = '## Vorstand\n\nDer Vorstand: <Luecke>Namen des Vorstands</Luecke>.\n';
    expect(findGaps('content/pages/impressum.mdx', mdx)).toEqual([{ file: 'content/pages/impressum.mdx', line: 3, what: 'Namen des Vorstands' }]);
  });

  it('splits a text into its pieces and gaps, for the components that show content values', () => {
    expect(gapParts('Telefon')).toEqual(['Telefon']);
    expect(gapParts('die Geschäftsführung: [LÜCKE:  Namen ] und [LÜCKE: Stellvertretung], sonst nichts')).toEqual([
      'die Geschäftsführung: ',
      { gap: 'Namen' },
      ' und ',
      { gap: 'Stellvertretung' },
      ', sonst nichts',
    ]);
    expect(gapParts('[LÜCKE: Telefon]')).toEqual([{ gap: 'Telefon' }]);
  });

  it('puts plain text in place of each gap where no markup goes (titles, attributes, structured data)', () => {
    expect(withGapText('Telefon: [LÜCKE: Telefon] und [LÜCKE: Fax]', 'wird ergänzt')).toBe('Telefon: wird ergänzt und wird ergänzt');
    expect(withGapText('$& bleibt', 'x')).toBe('$& bleibt');
    const date = new Date('2026-11-02');
    expect(withGapTexts({ name: 'A', telephone: '[LÜCKE: T]', list: ['[LÜCKE: a]', 1, null], date }, 'wird ergänzt')).toEqual({
      name: 'A',
      telephone: 'wird ergänzt',
      list: ['wird ergänzt', 1, null],
      date,
    });
  });

  it('reports the count and each gap, or that there is none', () => {
    expect(formatGapReport([])).toBe('Keine offenen redaktionellen Lücken.');
    expect(formatGapReport([{ file: 'a.yaml', line: 2, what: 'Telefon' }])).toBe('1 offene redaktionelle Lücke(n) – bitte ergänzen:\n  a.yaml:2  Telefon');
  });
});

describe('content integrity', () => {
  const offer = {
    id: 'musterdienst',
    file: 'content/offers/musterdienst.mdx',
    downloads: [{ collection: 'downloads', id: 'einzelabruf' }],
    kontakte: [{ collection: 'contacts', id: 'katja' }],
    einreichung: { dokument: { collection: 'downloads', id: 'einzelabruf' } },
  };
  const base = {
    offers: [offer],
    contactIds: new Set(['katja']),
    downloads: [{ id: 'einzelabruf', file: 'content/downloads/einzelabruf.yaml', datei: 'einzelabruf.pdf' }],
    folders: { contacts: 'content/contacts', downloads: 'content/downloads', files: 'public/downloads' },
    fileExists: () => true,
  };

  it('is quiet when every reference and file is there', () => {
    expect(integrityProblems(base)).toEqual([]);
  });

  it('names file, field and fix for a missing contact and a missing download file', () => {
    const problems = integrityProblems({
      ...base,
      offers: [{ ...offer, kontakte: [{ collection: 'contacts', id: 'max-muster' }] }],
      fileExists: () => false,
    });
    expect(problems).toEqual([
      'content/offers/musterdienst.mdx, Feld „kontakte“: „max-muster“ gibt es nicht. Legen Sie content/contacts/max-muster.yaml an oder korrigieren Sie den Namen.',
      'content/downloads/einzelabruf.yaml, Feld „datei“: Die Datei public/downloads/einzelabruf.pdf fehlt. Legen Sie die Datei dort ab oder korrigieren Sie den Dateinamen.',
    ]);
  });

  it('reports cost phases that overlap, with the offer file', () => {
    const problems = integrityProblems({ ...base, offers: [{ ...offer, kostenphasen: [{ bis: day('2024-06-30') }, { von: day('2024-01-01') }] }] });
    expect(problems).toEqual(['content/offers/musterdienst.mdx, Feld „kostenphasen“: Kostenphase 2 beginnt, bevor Kostenphase 1 endet.']);
  });

  it('refuses an offer file name that cannot be part of an address', () => {
    for (const id of ['Muster Dienst', 'müsterdienst', 'muster_dienst', '-muster', 'muster--dienst']) {
      const problems = integrityProblems({ ...base, offers: [{ ...offer, id, file: `content/offers/${id}.md` }] });
      expect(problems, id).toEqual([
        `content/offers/${id}.md: Der Dateiname wird Teil der Adresse des Angebots. Benennen Sie die Datei nur mit Kleinbuchstaben, Ziffern und einzelnen Bindestrichen, ohne Umlaute und Leerzeichen, z. B. wohngeld-antrag.mdx.`,
      ]);
    }
    expect(integrityProblems({ ...base, offers: [{ ...offer, id: 'wohngeld-2' }] })).toEqual([]);
  });

  it('checks the submission document too', () => {
    const problems = integrityProblems({ ...base, offers: [{ ...offer, einreichung: { dokument: { collection: 'downloads', id: 'vertrag' } } }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Feld „einreichung → dokument“: „vertrag“');
  });
});

describe('string templates', () => {
  it('fills placeholders and splits them for markup', () => {
    expect(fill('in {anzahl} Ausführung', { anzahl: 'zweifacher' })).toBe('in zweifacher Ausführung');
    expect(fill('{unbekannt}', {})).toBe('{unbekannt}');
    expect(templateParts('Füllen Sie den {dokument} aus.')).toEqual(['Füllen Sie den ', { key: 'dokument' }, ' aus.']);
  });
});

describe('page title length', () => {
  it('names the file and how long `titel` may be when a page title made from it is longer than 70 characters', () => {
    const entry = (titel: string) => ({ file: 'content/offers/x.mdx', titel, titles: [titel, `Interesse bekunden: ${titel}`] });
    expect(titleProblems([entry('Aufenthaltstitel')], 'Kommunalvertreter NRW')).toEqual([]);
    const long = 'Aufenthaltskarten und aufenthaltsrelevante Bescheinigungen';
    expect(titleProblems([entry(long)], 'Kommunalvertreter NRW')).toEqual([
      `content/offers/x.mdx, Feld „titel“: Der Seitentitel „Interesse bekunden: ${long} – Kommunalvertreter NRW“ wäre 102 Zeichen lang; Suchmaschinen zeigen nur etwa 70. Kürzen Sie „titel“ auf höchstens 26 Zeichen.`,
    ]);
    const fits = 'x'.repeat(26);
    expect(titleProblems([entry(fits)], 'Kommunalvertreter NRW')).toEqual([]);
    expect(titleProblems([entry(`${fits}x`)], 'Kommunalvertreter NRW')).toHaveLength(1);
  });
});

describe('titles and descriptions two pages share', () => {
  const page = (file: string, title: string, text: string) => ({ file, titles: [title], description: { field: 'beschreibung', text } });

  it('names both files and the field; a page may repeat its own text', () => {
    const a = page('content/news/a.mdx', 'Neu', 'Eine Meldung über etwas Neues.');
    const b = page('content/news/b.mdx', 'Neu', 'Eine andere Meldung über anderes.');
    const c = page('content/pages/c.mdx', 'Seite C', a.description.text);
    expect(sameTextProblems([a, b, c])).toEqual([
      'content/news/b.mdx, Feld „titel“: „Neu“ steht schon in content/news/a.mdx. Jede Seite braucht ihren eigenen Text; ändern Sie eine der beiden.',
      `content/pages/c.mdx, Feld „beschreibung“: „${a.description.text}“ steht schon in content/news/a.mdx. Jede Seite braucht ihren eigenen Text; ändern Sie eine der beiden.`,
    ]);
    expect(sameTextProblems([{ ...a, titles: ['Neu', 'Neu'] }])).toEqual([]);
  });

  it('names an offer’s description by the field its file has, kurzbeschreibung', () => {
    const news = page('content/news/a.mdx', 'Meldung', 'Ein Satz, den zwei Dateien haben.');
    const offer = offerPageTexts('content/offers/dienst.md', { id: 'dienst', titel: 'Dienst', kurzbeschreibung: news.description.text, leistungen: [], schritte: [] });
    expect(sameTextProblems([news, offer])).toEqual([
      `content/offers/dienst.md, Feld „kurzbeschreibung“: „${news.description.text}“ steht schon in content/news/a.mdx. Jede Seite braucht ihren eigenen Text; ändern Sie eine der beiden.`,
    ]);
  });
});

describe('Markdown files that need MDX', () => {
  it('names a .md file whose text uses a component, and the fix', () => {
    const problems = markdownComponentProblems([
      { file: 'content/offers/dienst.md', body: 'Schreiben Sie an <Postfach />.' },
      { file: 'content/offers/mdx-dienst.mdx', body: 'Schreiben Sie an <Postfach />.' },
      { file: 'content/news/plain.md', body: 'Nur Text mit <em>HTML</em>, `<Postfach />` als Beispiel und [LÜCKE: Datum].' },
    ]);
    expect(problems).toEqual([
      'content/offers/dienst.md: Der Text nutzt den Baustein <Postfach />, den nur MDX-Dateien kennen. Benennen Sie die Datei in content/offers/dienst.mdx um (Endung .mdx).',
    ]);
  });
});
