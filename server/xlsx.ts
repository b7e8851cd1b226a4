/**
 * XLSX export for d-NRW staff, next to the CSV. A spreadsheet guesses the type of a CSV cell: the
 * Gemeindeschlüssel 05913000 becomes the number 5913000, and a guarded "'+49 …" shows the guard. In
 * an XLSX file each cell carries its type, so every code and free text is written as a text cell
 * (format "@"): shown exactly as entered, never a number, never a formula, no guard character. The
 * time of receipt is a real date cell (Berlin time), so the column sorts. A title row names the form
 * and the offer, the header row is bold with an autofilter, the rows above the data stay in view.
 */
import ExcelJS from 'exceljs';
import { berlinWallClock } from '../src/lib/dates.ts';
import type { StoredFormView } from './stored-forms.ts';
import type { StoredSubmission } from './store/index.ts';
import { displayValue, fieldLabel, formatReceivedAt } from './format.ts';
import { adminStrings } from '../src/strings/admin.ts';
import { fill } from '../src/strings/template.ts';

/** Rows above the data: title, export note, header. */
const HEADER_ROW = 3;
const TEXT_FORMAT = '@';
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

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

export async function submissionsXlsx(form: StoredFormView, submissions: readonly StoredSubmission[], options: XlsxOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = options.title;
  workbook.created = options.exportedAt ?? new Date();
  const sheet = workbook.addWorksheet(sheetName(options.title), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });

  const headers = [adminStrings.reference, adminStrings.receivedAt, ...form.fields.map(fieldLabel)];
  const textColumns = headers.map((_, index) => index !== 1);
  sheet.getCell(1, 1).value = options.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = fill(adminStrings.exported, { time: formatReceivedAt((options.exportedAt ?? new Date()).toISOString()), n: submissions.length });

  const header = sheet.getRow(HEADER_ROW);
  headers.forEach((label, index) => {
    const cell = header.getCell(index + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
  });

  submissions.forEach((submission, rowIndex) => {
    const row = sheet.getRow(HEADER_ROW + 1 + rowIndex);
    const values: (string | Date)[] = [
      submission.reference,
      berlinWallClock(submission.receivedAt),
      ...form.fields.map((field) => displayValue(field, submission.data[field.name])),
    ];
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      cell.value = value;
      cell.numFmt = textColumns[index] ? TEXT_FORMAT : 'dd.mm.yyyy hh:mm';
      cell.alignment = { vertical: 'top', wrapText: typeof value === 'string' && value.includes('\n') };
    });
  });

  headers.forEach((label, index) => {
    const longest = Math.max(
      ...label.split(' ').map((word) => word.length),
      ...submissions.map((_, i) => String(sheet.getCell(HEADER_ROW + 1 + i, index + 1).text).split('\n').reduce((m, line) => Math.max(m, line.length), 0)),
    );
    const column = sheet.getColumn(index + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, index === 1 ? 17 : longest + 2));
    if (textColumns[index]) column.numFmt = TEXT_FORMAT;
  });
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + submissions.length, column: headers.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
