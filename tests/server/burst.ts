/**
 * Submissions for the fault tests and what they check afterwards: `submitTo` posts one valid
 * `interesse` submission with a unique marker in `behoerde`; `burst` runs `clients` concurrent
 * loops of them and records what every request got back. `checkStored` and `storedByMarker`
 * compare that with what the database holds, `checkMails` with what the mail sink received.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { expect } from 'vitest';
import { INTERESSE, json, validInteresse } from './helpers.ts';

export interface Attempt {
  readonly marker: string;
  readonly target: string;
  /** HTTP status, or 0 when no answer came (connection refused or cut). */
  readonly status: number;
  /** The reference number of a success. */
  readonly id?: string;
  readonly hasNext: boolean;
}

export interface BurstOptions {
  readonly clients: number;
  /** Requests in all; or run until `stop()` says so. */
  readonly total?: number;
  readonly stop?: () => boolean;
  /** Where request number i goes. */
  readonly target: (i: number) => string;
  readonly label: string;
  /** Called after every answer (e. g. to kill a server halfway). */
  readonly onAttempt?: (attempt: Attempt, all: readonly Attempt[]) => void;
}

export async function submitTo(base: string, marker: string): Promise<Omit<Attempt, 'target'>> {
  try {
    const res = await fetch(`${base}/f/${INTERESSE}`, { method: 'POST', headers: json, body: JSON.stringify(validInteresse({ behoerde: marker })), signal: AbortSignal.timeout(30_000) });
    const body = (await res.json()) as Record<string, unknown>;
    return { marker, status: res.status, hasNext: 'next' in body, ...(typeof body['id'] === 'string' ? { id: body['id'] } : {}) };
  } catch {
    return { marker, status: 0, hasNext: false };
  }
}

export async function burst(options: BurstOptions): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let next = 0;
  const more = (): boolean => (options.total === undefined ? true : next < options.total) && !(options.stop?.() ?? false);
  const client = async (): Promise<void> => {
    while (more()) {
      const i = next++;
      const target = options.target(i);
      const attempt = { ...(await submitTo(target, `${options.label} ${i}`)), target };
      attempts.push(attempt);
      options.onAttempt?.(attempt, attempts);
      if (attempt.status === 0 || attempt.status === 503) await sleep(20);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return attempts;
}

export interface StoredCheck {
  readonly stored: number;
  readonly acknowledged: number;
  readonly lost: string[];
  readonly duplicates: string[];
  /** Acknowledged with a reference the database holds for another marker. */
  readonly wrongReference: string[];
  /** Refused or unanswered, yet stored (allowed: the answer was lost, not the data). */
  readonly unacknowledgedStored: number;
  /** Sequence numbers per prefix and year that are missing between 1 and the highest. */
  readonly gaps: string[];
}

/** Compares the acknowledged attempts (200 with an id) with the stored rows. */
export function checkStored(attempts: readonly Attempt[], rows: readonly { reference: string; spam: boolean; data: string }[]): StoredCheck {
  const byMarker = new Map<string, string[]>();
  for (const row of rows) {
    const marker = String((JSON.parse(row.data) as { behoerde?: unknown }).behoerde);
    byMarker.set(marker, [...(byMarker.get(marker) ?? []), row.reference]);
  }
  const acknowledged = attempts.filter((a) => a.status === 200 && a.id !== undefined);
  const sequences = new Map<string, number[]>();
  for (const row of rows) {
    const [prefix, year, number] = row.reference.split('-');
    const key = `${prefix}-${year}`;
    sequences.set(key, [...(sequences.get(key) ?? []), Number(number)]);
  }
  const gaps: string[] = [];
  for (const [key, numbers] of sequences) {
    const seen = new Set(numbers);
    for (let n = 1; n <= Math.max(...numbers); n++) if (!seen.has(n)) gaps.push(`${key}-${n}`);
  }
  return {
    stored: rows.length,
    acknowledged: acknowledged.length,
    lost: acknowledged.filter((a) => !byMarker.has(a.marker)).map((a) => a.marker),
    duplicates: [...byMarker.entries()].filter(([, refs]) => refs.length > 1).map(([m]) => m),
    wrongReference: acknowledged.filter((a) => byMarker.has(a.marker) && !(byMarker.get(a.marker) ?? []).includes(a.id ?? '')).map((a) => a.marker),
    unacknowledgedStored: attempts.filter((a) => a.status !== 200 && byMarker.has(a.marker)).length,
    gaps,
  };
}

/** Every acknowledged submission stored exactly once, under its own reference, and no reference skipped. */
export function expectNothingLostOrDuplicated(check: StoredCheck): void {
  expect(check.lost).toEqual([]);
  expect(check.duplicates).toEqual([]);
  expect(check.wrongReference).toEqual([]);
  expect(check.gaps).toEqual([]);
}

/** The notifications a sink received, per reference (X-Portal-Reference): which are missing, which came twice. */
export async function checkMails(mails: readonly { raw: string }[], references: readonly string[]): Promise<{ missing: string[]; duplicates: number }> {
  const perReference = new Map<string, number>();
  for (const mail of mails) {
    const reference = String((await simpleParser(mail.raw)).headers.get('x-portal-reference') ?? '');
    perReference.set(reference, (perReference.get(reference) ?? 0) + 1);
  }
  return { missing: references.filter((r) => !perReference.has(r)), duplicates: [...perReference.values()].filter((n) => n > 1).length };
}

/** Rows per value of `behoerde` (each test submission carries a unique one), read after the server stopped. */
export function storedByMarker(dir: string): { byMarker: Map<string, number>; references: string[]; integrity: string } {
  const db = new DatabaseSync(join(dir, 'submissions.sqlite'), { readOnly: true });
  try {
    const rows = db.prepare('SELECT reference, data FROM submissions').all() as { reference: string; data: string }[];
    const byMarker = new Map<string, number>();
    for (const row of rows) {
      const marker = String((JSON.parse(row.data) as { behoerde?: unknown }).behoerde);
      byMarker.set(marker, (byMarker.get(marker) ?? 0) + 1);
    }
    const { integrity_check: integrity } = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    return { byMarker, references: rows.map((r) => r.reference), integrity };
  } finally {
    db.close();
  }
}

/** The submitted personal data of validInteresse() must never reach the log. */
export function expectNoPersonalData(output: string): void {
  const personal = validInteresse();
  for (const key of ['email', 'ansprechperson', 'telefon'] as const) expect(output, key).not.toContain(String(personal[key]));
}
