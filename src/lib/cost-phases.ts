import { formatDate, isoDate } from '../../shared/lib/dates.ts';
import { de, fill } from '../../shared/strings/de.ts';

export interface Phase {
  von?: Date | undefined;
  bis?: Date | undefined;
}

export type PhaseStatus = 'vergangen' | 'aktuell' | 'kuenftig';

/** Whether a phase is over, applies, or lies ahead on `today` (compared by calendar day in Berlin). */
export function phaseStatus(phase: Phase, today: Date): PhaseStatus {
  const day = isoDate(today);
  if (phase.bis && isoDate(phase.bis) < day) return 'vergangen';
  if (phase.von && isoDate(phase.von) > day) return 'kuenftig';
  return 'aktuell';
}

/** "bis 31.12.2023", "ab 01.01.2024" or "01.01.2024 bis 31.12.2024". */
export function phaseRange(phase: Phase): string {
  if (phase.von && phase.bis) return `${formatDate(phase.von)} bis ${formatDate(phase.bis)}`;
  if (phase.von) return `ab ${formatDate(phase.von)}`;
  if (phase.bis) return `bis ${formatDate(phase.bis)}`;
  throw new Error('Eine Kostenphase braucht „von“ oder „bis“.');
}

/** What the status of a phase rests on: the offer's Stand der Angaben and the year of its original page. */
export interface PhaseBasis {
  /** The day an editor checked the offer's facts (`stand`); undefined: never checked. */
  readonly stand?: Date | undefined;
  /** The year the original page was written (`originalseite → jahr`). */
  readonly originalJahr?: number | undefined;
}

/**
 * The status of a phase as the page states it. A phase that ended before `today` is over. Whether one
 * applies now is only said for an offer whose facts an editor has checked (`stand`); until then the
 * page says what its source said: "gilt laut Originalseite (2023) ab 01.01.2024".
 */
export function phaseStatusText(phase: Phase, today: Date, basis: PhaseBasis): string {
  const status = phaseStatus(phase, today);
  const t = de.offer;
  if (status === 'vergangen' || basis.stand !== undefined) return t.phaseStatus[status];
  const quelle = basis.originalJahr === undefined ? t.phaseSourceUnknown : fill(t.phaseSourceOriginal, { jahr: basis.originalJahr });
  const zeitraum = phase.von && phase.bis ? `${t.phaseFrom} ${phaseRange(phase)}` : phaseRange(phase);
  return fill(t.phaseStatusAsSource, { quelle, zeitraum });
}

/** Phases must follow each other in time without overlapping; returns German problems, empty when fine. */
export function phaseOrderProblems(phases: readonly Phase[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < phases.length; i++) {
    const before = phases[i - 1];
    const after = phases[i];
    if (!before?.bis || !after?.von) {
      problems.push(`Kostenphase ${i} braucht ein „bis“ und Kostenphase ${i + 1} ein „von“, damit sie aufeinander folgen.`);
    } else if (isoDate(after.von) <= isoDate(before.bis)) {
      problems.push(`Kostenphase ${i + 1} beginnt, bevor Kostenphase ${i} endet.`);
    }
  }
  return problems;
}
