import { formatDate, isoDate } from './dates.ts';

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
