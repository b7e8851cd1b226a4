/**
 * LibreOffice Calc (headless `soffice --convert-to csv`) as the tests' spreadsheet program: an XLSX
 * file goes in, what Calc shows comes out as rows of cells. A file Calc finds damaged gives no rows.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** RFC 4180 CSV as LibreOffice writes it (comma, double quotes, CRLF or LF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** exceljs types its input as an ArrayBuffer. */
export const asExcelBuffer = (data: Buffer): ArrayBuffer => Uint8Array.from(data).buffer;

/** What LibreOffice Calc shows for the file, as rows of cells. */
export function openInCalc(dir: string, xlsx: Buffer): string[][] {
  return openAllInCalc(dir, { export: xlsx }).export ?? [];
}

/**
 * What LibreOffice Calc shows for each file, as rows of cells, by name. One start of Calc for all of
 * them (a start takes seconds: the files of one test go together).
 */
export function openAllInCalc<Name extends string>(dir: string, files: Readonly<Record<Name, Buffer>>): Record<Name, string[][]> {
  const names = Object.keys(files) as Name[];
  for (const name of names) writeFileSync(join(dir, `${name}.xlsx`), files[name]);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      dir,
      ...names.map((name) => join(dir, `${name}.xlsx`)),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return Object.fromEntries(names.map((name) => [name, parseCsv(readFileSync(join(dir, `${name}.csv`), 'utf8'))])) as Record<Name, string[][]>;
}
