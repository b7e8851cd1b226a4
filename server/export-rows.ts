/**
 * What an export holds, for CSV and XLSX alike: its columns in one list (a column added here
 * appears in both files), and the form's submissions, read from the store in batches of
 * EXPORT_BATCH rows, newest first, so that a form of any size is written without holding it in
 * memory. The batches stop at the newest row when the export began; `total` counts exactly those.
 */
import type { FormRegistry } from '../src/forms/index.ts';
import { adminStrings } from '../src/strings/admin.ts';
import { displayValue, fieldLabel } from './format.ts';
import type { Store, StoredSubmission } from './store/index.ts';
import { collectFields, storedFormView, type StoredFormView } from './stored-forms.ts';

/** Rows per read from the store (one message to the SQLite worker, one query to PostgreSQL). */
export const EXPORT_BATCH = 500;

export interface ExportColumn {
  readonly label: string;
  /** `moment`: an ISO time, written as a date cell (XLSX) or German date and time (CSV); `text`: written as it is. */
  readonly kind: 'text' | 'moment';
  /** Only in the CSV: the XLSX names the offer in its title row. */
  readonly csvOnly?: boolean;
  value(submission: StoredSubmission): string;
}

/** The columns of a form's export, in order. */
export function exportColumns(form: StoredFormView): ExportColumn[] {
  const offer = form.offer;
  return [
    { label: adminStrings.reference, kind: 'text', value: (s) => s.reference },
    { label: adminStrings.receivedAt, kind: 'moment', value: (s) => s.receivedAt },
    // An offer's interest form names its offer in every CSV row, so exports of several offers can be merged.
    ...(offer === undefined ? [] : [{ label: adminStrings.offer, kind: 'text', csvOnly: true, value: () => offer.titel } satisfies ExportColumn]),
    ...form.fields.map((field): ExportColumn => ({ label: fieldLabel(field), kind: 'text', value: (s) => displayValue(field, s.data[field.name]) })),
  ];
}

export interface ExportSource {
  readonly form: StoredFormView;
  readonly columns: readonly ExportColumn[];
  /** Submissions in the export. */
  readonly total: number;
  /** The first batch (the newest rows), e.g. to size the columns. */
  readonly first: readonly StoredSubmission[];
  /** Every batch, the first one included; read once. */
  readonly batches: AsyncIterable<readonly StoredSubmission[]>;
}

type ExportStore = Pick<Store, 'submissionsBefore' | 'countSubmissions'>;

/** The batches of a form below `beforeId`, each read when the previous one has been written. */
async function* batchesBefore(store: ExportStore, form: string, beforeId: number | null): AsyncGenerator<readonly StoredSubmission[]> {
  let before = beforeId;
  for (;;) {
    const batch = await store.submissionsBefore(form, before, EXPORT_BATCH);
    if (batch.length > 0) yield batch;
    if (batch.length < EXPORT_BATCH) return;
    before = (batch.at(-1) as StoredSubmission).id;
  }
}

/**
 * The export of form `name`: the registry's definition, or for a form the content no longer has,
 * one made from the stored fields (one more pass over the batches, keeping only field names).
 */
export async function exportSource(store: ExportStore, forms: FormRegistry, name: string): Promise<ExportSource> {
  const first = await store.submissionsBefore(name, null, EXPORT_BATCH);
  const newest = first[0]?.id;
  const total = newest === undefined ? 0 : await store.countSubmissions(name, newest);
  let form: StoredFormView | undefined = forms.get(name);
  if (form === undefined) {
    const fields = collectFields(first);
    if (first.length === EXPORT_BATCH) for await (const batch of batchesBefore(store, name, (first.at(-1) as StoredSubmission).id)) collectFields(batch, fields);
    form = storedFormView(name, fields);
  }
  async function* batches(): AsyncGenerator<readonly StoredSubmission[]> {
    if (first.length === 0) return;
    yield first;
    if (first.length === EXPORT_BATCH) yield* batchesBefore(store, name, (first.at(-1) as StoredSubmission).id);
  }
  return { form, columns: exportColumns(form), total, first, batches: batches() };
}
