/**
 * Writes the clearly labelled stand-in PDFs in public/downloads/ for documents whose official file
 * we do not have yet. Run once: `node scripts/make-standin-downloads.ts`. An editor replaces a stand-in
 * by putting the official file in its place (same name) and setting `platzhalter: false`.
 */
import { writeFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const standIns = [
  {
    file: 'praesentation-informationsveranstaltung.pdf',
    title: 'Präsentation zur Informationsveranstaltung',
    pages: ['Online-Dienst „Aufenthaltstitel“', 'Informationsveranstaltung des Kommunalvertreters NRW'],
  },
  {
    file: 'einzelabruf-aufenthaltstitel.pdf',
    title: 'Einzelabruf „Aufenthaltstitel“',
    pages: ['Einzelabruf „Aufenthaltstitel“', 'Anlage 3: Kosten'],
  },
];

for (const standIn of standIns) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`PLATZHALTER – ${standIn.title}`);
  pdf.setLanguage('de-DE');
  pdf.setAuthor('d-NRW AöR');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  standIn.pages.forEach((heading, index) => {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText('PLATZHALTER', { x: 56, y: 760, size: 28, font: bold, color: rgb(0.7, 0, 0.1) });
    page.drawText(heading, { x: 56, y: 715, size: 18, font: bold });
    const lines =
      index === 0
        ? [
            'Dies ist nicht das offizielle Dokument.',
            `An die Stelle dieser Datei ist das offizielle Dokument „${standIn.title}“`,
            'von d-NRW AöR zu setzen (gleicher Dateiname in public/downloads/).',
            'Danach im Eintrag unter content/downloads/ „platzhalter: false“ setzen.',
          ]
        : ['Platzhalterseite. Das offizielle Dokument ersetzt diese Datei.'];
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 670 - i * 22, size: 12, font }));
  });
  await writeFile(new URL(`../public/downloads/${standIn.file}`, import.meta.url), await pdf.save({ useObjectStreams: false }));
  console.log(`public/downloads/${standIn.file}`);
}
