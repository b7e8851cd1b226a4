/**
 * The admin overview of an offer's rollout (server/pages/Overview.tsx): how many Vorgänge stand at
 * each of its steps, and the median days from interest (the first submission) to the Einzelabruf
 * and from the Einzelabruf to live. The days come from the dates staff entered with those steps
 * (their `datum` Angabe), never from when they recorded the change; a later date before the
 * earlier one does not count. Plain logic.
 */
import { isoDate } from '../../shared/lib/dates.ts';
import { currentStepId, type RolloutStep } from '../../shared/lib/rollout.ts';

/** What the overview needs of a Vorgang. */
export interface OverviewVorgang {
  readonly id: number;
  /** ISO 8601: the first submission (the interest). */
  readonly openedAt: string;
  readonly stepId: string | null;
}

/** What it needs of a change in the history: which Vorgang, to which step, with which Angaben. */
export interface OverviewChange {
  readonly vorgangId: number;
  readonly to: { readonly id: string };
  readonly angaben: readonly { readonly art: string; readonly wert: string }[];
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Days from one JJJJ-MM-TT to another. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface StepCount {
  readonly id: string;
  readonly titel: string;
  readonly count: number;
}

export interface OfferOverview {
  /** Each step of the offer with its Vorgänge, in the offer's order; then, if any, those at a step no longer offered (id ''). */
  readonly counts: readonly StepCount[];
  readonly total: number;
  /** Median days interest → Einzelabruf, and from how many Vorgänge (null: none has the date). */
  readonly toEinzelabruf: { readonly median: number | null; readonly n: number };
  /** Median days Einzelabruf → live. */
  readonly toLive: { readonly median: number | null; readonly n: number };
}

/**
 * The overview of one offer's Vorgänge. `history` is every change of them, oldest first: a step's
 * date is the `datum` Angabe of the latest change to it. A Vorgang without that step (or without a
 * date there) does not count towards its median.
 */
export function offerOverview(steps: readonly RolloutStep[], vorgaenge: readonly OverviewVorgang[], history: readonly OverviewChange[], notOffered: string): OfferOverview {
  const at = new Map<string, number>();
  let others = 0;
  for (const vorgang of vorgaenge) {
    const step = currentStepId(steps, vorgang.stepId);
    if (steps.some((s) => s.id === step)) at.set(step ?? '', (at.get(step ?? '') ?? 0) + 1);
    else others += 1;
  }
  const counts: StepCount[] = steps.map((step) => ({ id: step.id, titel: step.titel, count: at.get(step.id) ?? 0 }));
  if (others > 0) counts.push({ id: '', titel: notOffered, count: others });

  const ids = new Set(vorgaenge.map((v) => v.id));
  const dateOf = (milestone: 'einzelabruf' | 'live'): Map<number, string> => {
    const step = steps.find((s) => s.meilenstein === milestone);
    const dates = new Map<number, string>();
    for (const change of history) {
      const day = change.angaben.find((angabe) => angabe.art === 'datum')?.wert;
      if (step !== undefined && change.to.id === step.id && ids.has(change.vorgangId) && day !== undefined) dates.set(change.vorgangId, day);
    }
    return dates;
  };
  const einzelabruf = dateOf('einzelabruf');
  const live = dateOf('live');
  // A later date before the earlier one (an Einzelabruf dated before the first submission) says nothing about the duration: it does not count.
  const counted = (days: number): number[] => (days < 0 ? [] : [days]);
  const toEinzelabruf = vorgaenge.flatMap((v) => {
    const day = einzelabruf.get(v.id);
    return day === undefined ? [] : counted(daysBetween(isoDate(new Date(v.openedAt)), day));
  });
  const toLive = [...live.entries()].flatMap(([id, day]) => {
    const from = einzelabruf.get(id);
    return from === undefined ? [] : counted(daysBetween(from, day));
  });
  return {
    counts,
    total: vorgaenge.length,
    toEinzelabruf: { median: median(toEinzelabruf), n: toEinzelabruf.length },
    toLive: { median: median(toLive), n: toLive.length },
  };
}
