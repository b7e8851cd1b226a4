/**
 * CSV export for d-NRW: UTF-8 with BOM and semicolons, as German Excel opens it directly. A cell
 * that starts with = + - @ TAB or CR (or the full-width ＝ ＋ － ＠) would be run as a formula by a
 * spreadsheet; csv-stringify's `escape_formulas` gives it a leading apostrophe (OWASP "CSV
 * injection"), which shows the text as it was entered. Written as a stream, batch by batch
 * (server/export/export-rows.ts), as fast as the client reads it.
 */
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { formatReceivedAt } from './format.ts';
import type { ExportSource } from './export-rows.ts';

/** The export as a stream of CSV text; a failed read of the store ends it with that error. */
export function submissionsCsv({ columns, batches }: Pick<ExportSource, 'columns' | 'batches'>): Readable {
  async function* records(): AsyncGenerator<string[]> {
    yield columns.map((column) => column.label);
    for await (const batch of batches) {
      for (const submission of batch) yield columns.map((column) => (column.kind === 'moment' ? formatReceivedAt(column.value(submission)) : column.value(submission)));
    }
  }
  const csv = stringify({ bom: true, escape_formulas: true, delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
  return pipeline(Readable.from(records()), csv, () => undefined);
}
