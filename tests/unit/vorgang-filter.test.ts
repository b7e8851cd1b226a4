import { describe, expect, it } from 'vitest';
import { filterVorgaenge, isFiltered, kreisChoices, readFilter } from '../../server/admin/vorgang-filter.ts';

const vorgaenge = [
  { number: 'KV-2026-000001', form: 'interesse-a', behoerde: 'Stadt Beispielstadt', ags: '05999001', step: 'vertrag' },
  { number: 'KV-2026-000002', form: 'interesse-a', behoerde: 'Kreis Muster', ags: '05999', step: 'anfrage' },
  { number: 'KV-2026-000003', form: 'interesse-b', behoerde: 'Gemeinde Südort', ags: '05888002', step: 'start' },
  { number: 'KV-2026-000004', form: 'interesse-b', behoerde: 'Amt ohne Schlüssel', ags: null, step: 'start' },
];
const numbers = (list: readonly { number: string }[]) => list.map((v) => v.number.slice(-1));

describe('filters of the Vorgang list', () => {
  it('read the query, and an empty filter lets everything through', () => {
    const none = readFilter({ angebot: '', suche: '  ', x: 'y' });
    expect(isFiltered(none)).toBe(false);
    expect(numbers(filterVorgaenge(vorgaenge, none))).toEqual(['1', '2', '3', '4']);
    expect(readFilter({ angebot: ['a', 'b'], stand: 7 })).toEqual({ angebot: '', stand: '', kreis: '', suche: '' });
  });

  it('filter by offer, step, Kreis/Stadt (the first five digits) and combine them', () => {
    const f = (over: Record<string, string>) => numbers(filterVorgaenge(vorgaenge, readFilter(over)));
    expect(f({ angebot: 'interesse-b' })).toEqual(['3', '4']);
    expect(f({ stand: 'start' })).toEqual(['3', '4']);
    expect(f({ kreis: '05999' })).toEqual(['1', '2']);
    expect(f({ kreis: '05999', stand: 'vertrag' })).toEqual(['1']);
    expect(f({ angebot: 'interesse-a', stand: 'start' })).toEqual([]);
  });

  it('search Behörde (whatever the case and spacing), number and key', () => {
    const f = (suche: string) => numbers(filterVorgaenge(vorgaenge, readFilter({ suche })));
    expect(f('SÜDORT')).toEqual(['3']);
    expect(f('kreis   muster')).toEqual(['2']);
    expect(f('000004')).toEqual(['4']);
    expect(f('05888')).toEqual(['3']);
  });

  it('derive the Kreis/Stadt choices from the data, with the Behörden under each key', () => {
    expect(kreisChoices(vorgaenge)).toEqual([
      { kreis: '05888', behoerden: ['Gemeinde Südort'] },
      { kreis: '05999', behoerden: ['Kreis Muster', 'Stadt Beispielstadt'] },
    ]);
  });
});
