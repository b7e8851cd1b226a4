/**
 * What an export holds, for CSV and XLSX alike: its columns in one list (a column added here
 * appears in both files), and the form's submissions, read from the store in batches of
 * EXPORT_BATCH rows, newest first, so that a form of any size is written without holding it in
 * memory. The batches stop at the newest row when the export began; `total` counts exactly those.
 */
import type { FormRegistry } from '../../shared/forms/index.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import { displayValue, fieldLabel } from './format.ts';
import type { Store, StoredSubmission, StoredVorgang, VorgangChange } from '../store/index.ts';
import { isoDate } from '../../shared/lib/dates.ts';
import { angabeText, type RolloutStep } from '../../shared/lib/rollout.ts';
import { fill } from '../../shared/strings/template.ts';
import { collectFields, storedFormView, type StoredFormView } from '../store/stored-forms.ts';

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

/** What the export says of each Vorgang of the form: its number, where it stands, the day each step was reached. */
export interface VorgangFacts {
  readonly number: string;
  readonly status: string;
  /** Per step id: the day it was reached (JJJJ-MM-TT): the date staff entered with it, else the day they recorded it. */
  readonly days: ReadonlyMap<string, string>;
}

/** The Vorgang columns of an interest form's export: the Vorgang, its status, one date column per rollout step of the offer. */
export interface VorgangColumns {
  readonly steps: readonly RolloutStep[];
  readonly facts: ReadonlyMap<number, VorgangFacts>;
}

/** The day a history entry says its step was reached: its first date Angabe, else the day (in Germany) it was recorded. */
function dayOf(change: VorgangChange): string {
  return change.angaben.find((angabe) => angabe.art === 'datum')?.wert ?? isoDate(new Date(change.at));
}

/** The facts of a form's Vorgänge for its export (one history read per Vorgang: an offer has at most a few hundred). */
export async function vorgangColumns(store: Pick<Store, 'listVorgaenge' | 'vorgangHistory'>, form: string, steps: readonly RolloutStep[], status: (v: StoredVorgang) => string): Promise<VorgangColumns> {
  const facts = new Map<number, VorgangFacts>();
  for (const vorgang of (await store.listVorgaenge()).filter((v) => v.form === form)) {
    const days = new Map<string, string>();
    // Oldest first, so the latest time a step was reached wins.
    for (const change of (await store.vorgangHistory(vorgang.id)).reverse()) days.set(change.to.id, dayOf(change));
    facts.set(vorgang.id, { number: vorgang.number, status: status(vorgang), days });
  }
  return { steps, facts };
}

const germanDay = (day: string | undefined): string => (day === undefined ? '' : angabeText({ art: 'datum', wert: day }));

/** The columns of a form's export, in order. */
export function exportColumns(form: StoredFormView, vorgaenge?: VorgangColumns): ExportColumn[] {
  const offer = form.offer;
  const facts = (s: StoredSubmission): VorgangFacts | undefined => (s.vorgangId === undefined || s.vorgangId === null ? undefined : vorgaenge?.facts.get(s.vorgangId));
  return [
    { label: adminStrings.reference, kind: 'text', value: (s) => s.reference },
    { label: adminStrings.receivedAt, kind: 'moment', value: (s) => s.receivedAt },
    // An offer's interest form names its offer in every CSV row, so exports of several offers can be merged.
    ...(offer === undefined ? [] : [{ label: adminStrings.offer, kind: 'text', csvOnly: true, value: () => offer.titel } satisfies ExportColumn]),
    ...form.fields.map((field): ExportColumn => ({ label: fieldLabel(field), kind: 'text', value: (s) => displayValue(field, s.data[field.name]) })),
    // Last, so the columns of the form keep their places: the Vorgang, its status, the day of each step.
    ...(vorgaenge === undefined
      ? []
      : [
          { label: adminStrings.vorgaenge.number, kind: 'text', value: (s) => facts(s)?.number ?? '' } satisfies ExportColumn,
          { label: adminStrings.rollout.status, kind: 'text', value: (s) => facts(s)?.status ?? '' } satisfies ExportColumn,
          ...vorgaenge.steps.map(
            (step): ExportColumn => ({ label: fill(adminStrings.rollout.dayColumn, { titel: step.titel }), kind: 'text', value: (s) => germanDay(facts(s)?.days.get(step.id)) }),
          ),
        ]),
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

type ExportStore = Pick<Store, 'submissionsBefore' | 'countSubmissions' | 'listVorgaenge' | 'vorgangHistory'>;

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
export async function exportSource(store: ExportStore, forms: FormRegistry, name: string, vorgaenge?: { steps: readonly RolloutStep[]; status: (v: StoredVorgang) => string }): Promise<ExportSource> {
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
  const withVorgaenge = vorgaenge === undefined || form.offer === undefined ? undefined : await vorgangColumns(store, name, vorgaenge.steps, vorgaenge.status);
  return { form, columns: exportColumns(form, withVorgaenge), total, first, batches: batches() };
}
