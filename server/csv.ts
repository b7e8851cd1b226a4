/**
 * CSV export for d-NRW: UTF-8 with BOM and semicolons, as German Excel opens it directly. A cell
 * that starts with = + - @ TAB or CR (or the full-width ＝ ＋ － ＠) would be run as a formula by a
 * spreadsheet; csv-stringify's `escape_formulas` gives it a leading apostrophe (OWASP "CSV
 * injection"), which shows the text as it was entered.
 */
import { stringify } from 'csv-stringify/sync';
import type { StoredFormView } from './stored-forms.ts';
import type { StoredSubmission } from './store/index.ts';
import { displayValue, fieldLabel, formatReceivedAt } from './format.ts';
import { adminStrings } from '../src/strings/admin.ts';

export function submissionsCsv(form: StoredFormView, submissions: readonly StoredSubmission[]): string {
  // An offer's interest form names its offer in every row, so exports of several offers can be merged.
  const offer = form.offer === undefined ? [] : [form.offer.titel];
  const header = [adminStrings.reference, adminStrings.receivedAt, ...(offer.length > 0 ? [adminStrings.offer] : []), ...form.fields.map(fieldLabel)];
  const rows = submissions.map((s) => [
    s.reference,
    formatReceivedAt(s.receivedAt),
    ...offer,
    ...form.fields.map((field) => displayValue(field, s.data[field.name])),
  ]);
  return stringify([header, ...rows], {
    bom: true,
    escape_formulas: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    quoted_match: /[;"\r\n]/,
  });
}
