import { describe, expect, it } from 'vitest';
import { median, offerOverview, type OverviewChange } from '../../server/admin/rollout-overview.ts';
import type { RolloutStep } from '../../shared/lib/rollout.ts';

const datum = { id: 'datum', titel: 'Datum', art: 'datum' as const, optionen: [] };
const steps: RolloutStep[] = [
  { id: 'interesse', titel: 'Interesse', abschluss: false, angaben: [] },
  { id: 'einzelabruf', titel: 'Einzelabruf eingegangen', abschluss: false, angaben: [datum], meilenstein: 'einzelabruf' },
  { id: 'live', titel: 'live', abschluss: true, angaben: [datum], meilenstein: 'live' },
  { id: 'beendet', titel: 'beendet', abschluss: true, angaben: [] },
];
const to = (vorgangId: number, step: string, day?: string): OverviewChange => ({ vorgangId, to: { id: step }, angaben: day === undefined ? [] : [{ art: 'datum', wert: day }] });
// Opened late in the evening of 31.12.2025 in UTC: already 01.01.2026 in Germany, the day that counts.
const opened = '2025-12-31T23:30:00Z';

describe('the rollout overview', () => {
  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });

  it('counts the Vorgänge at each step in the offer\'s order (never moved: the first), and those at a step no longer offered', () => {
    const vorgaenge = [
      { id: 1, openedAt: opened, stepId: null },
      { id: 2, openedAt: opened, stepId: 'live' },
      { id: 3, openedAt: opened, stepId: 'live' },
      { id: 4, openedAt: opened, stepId: 'frueher' },
    ];
    const overview = offerOverview(steps, vorgaenge, [], 'nicht mehr angeboten');
    expect(overview.counts.map((c) => [c.titel, c.count])).toEqual([
      ['Interesse', 1],
      ['Einzelabruf eingegangen', 0],
      ['live', 2],
      ['beendet', 0],
      ['nicht mehr angeboten', 1],
    ]);
    expect(overview.total).toBe(4);
    expect(overview.toEinzelabruf).toEqual({ median: null, n: 0 });
    expect(overview.toLive).toEqual({ median: null, n: 0 });
  });

  it('counts days from the dates staff entered (the latest change to a step), not from when they recorded it; Vorgänge without the step do not count', () => {
    const vorgaenge = [1, 2, 3, 4, 5].map((id) => ({ id, openedAt: opened, stepId: 'live' }));
    const history = [
      to(1, 'einzelabruf', '2026-01-11'),
      to(1, 'live', '2026-02-10'),
      to(2, 'einzelabruf', '2026-01-05'),
      // Moved back and reached again: the later date counts.
      to(2, 'einzelabruf', '2026-01-21'),
      to(3, 'live', '2026-03-01'),
      // No date with it: does not count.
      to(4, 'beendet'),
      // Dated before the interest, and live before the Einzelabruf: says nothing about the duration.
      to(5, 'einzelabruf', '2025-12-20'),
      to(5, 'live', '2025-12-10'),
      // Another offer's Vorgang.
      to(9, 'einzelabruf', '2026-06-01'),
    ];
    const overview = offerOverview(steps, vorgaenge, history, '');
    // 01.01. → 11.01. is 10 days, 01.01. → 21.01. is 20: median 15 of 2.
    expect(overview.toEinzelabruf).toEqual({ median: 15, n: 2 });
    // Only Vorgang 1 has both dates: 11.01. → 10.02.
    expect(overview.toLive).toEqual({ median: 30, n: 1 });
  });
});
