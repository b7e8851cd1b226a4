/**
 * XLSX export for d-NRW staff, next to the CSV. A spreadsheet guesses the type of a CSV cell: the
 * Gemeindeschlüssel 05913000 becomes the number 5913000, and a guarded "'+49 …" shows the guard. In
 * an XLSX file each cell carries its type, so every code and free text is written as a text cell
 * (format "@"): shown exactly as entered, never a number, never a formula, no guard character. The
 * time of receipt is a real date cell (Berlin time), so the column sorts. A title row names the form
 * and the offer, the header row is bold with an autofilter, the rows above the data stay in view.
 *
 * Written with exceljs's streaming writer, batch by batch (server/export/export-rows.ts): each row is
 * committed to the zip stream as it is written, strings inline (no shared-strings table kept in
 * memory). Column widths come from the labels and the first batch, as they precede the rows.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { berlinWallClock } from '../../shared/lib/dates.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import type { ExportColumn, ExportSource } from './export-rows.ts';
import { formatReceivedAt } from './format.ts';

/** Rows above the data: title, export note, header. */
const HEADER_ROW = 3;
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'dd.mm.yyyy hh:mm';
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
const DATE_WIDTH = 17;
/** Rows written before other requests get their turn: writing a row is synchronous work (~0.1 ms). */
const ROWS_PER_TURN = 50;

export interface XlsxOptions {
  /** What the export is about, e. g. "Interessenbekundung Aufenthaltstitel". */
  readonly title: string;
  /** The moment of the export (for the note under the title). */
  readonly exportedAt?: Date;
}

/** A worksheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Einsendungen';
}

/** The widest line of a text, in characters. */
const longestLine = (text: string): number => text.split('\n').reduce((max, line) => Math.max(max, line.length), 0);

function width(column: ExportColumn, sample: ExportSource['first']): number {
  if (column.kind === 'moment') return DATE_WIDTH;
  const longest = Math.max(...column.label.split(' ').map((word) => word.length), ...sample.map((s) => longestLine(column.value(s))));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Resolves when `out` takes data again, or is closed. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

/** Writes the export into `out` (ended when the file is complete). */
export async function writeSubmissionsXlsx(source: Pick<ExportSource, 'columns' | 'total' | 'first' | 'batches'>, options: XlsxOptions, out: Writable): Promise<void> {
  const columns = source.columns.filter((column) => column.csvOnly !== true);
  const exportedAt = options.exportedAt ?? new Date();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.title = options.title;
  workbook.created = exportedAt;
  const sheet = workbook.addWorksheet(sheetName(options.title), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = columns.map((column) => ({ width: width(column, source.first), style: column.kind === 'text' ? { numFmt: TEXT_FORMAT } : {} }));

  const title = sheet.getRow(1);
  title.getCell(1).value = options.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.commit();
  sheet.getRow(2).getCell(1).value = fill(adminStrings.exported, { time: formatReceivedAt(exportedAt.toISOString()), n: source.total });
  sheet.getRow(2).commit();
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  header.commit();

  let rowNumber = HEADER_ROW;
  for await (const batch of source.batches) {
    for (const submission of batch) {
      const row = sheet.getRow(++rowNumber);
      columns.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        const value = column.value(submission);
        cell.value = column.kind === 'moment' ? berlinWallClock(value) : value;
        cell.numFmt = column.kind === 'moment' ? DATE_FORMAT : TEXT_FORMAT;
        cell.alignment = { vertical: 'top', wrapText: column.kind === 'text' && value.includes('\n') };
      });
      row.commit();
      if ((rowNumber - HEADER_ROW) % ROWS_PER_TURN === 0) await nextTurn();
    }
    // The client went away: stop reading. Otherwise let the zip stream pass the batch on first.
    if (out.destroyed) throw Object.assign(new Error('Export abgebrochen: die Verbindung ist geschlossen'), { code: 'EXPORT_ABORTED' });
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: rowNumber, column: columns.length } };
  sheet.commit();
  await workbook.commit();
}
