/**
 * The filters of the admin list of Vorgänge (a GET form: works without JavaScript): by offer, by the
 * step a Vorgang stands at, by Kreis/Stadt and a free search. The Kreis/Stadt choices come from the
 * data (the first five digits of the Gemeinde-/Kreisschlüssel, with the Behörde names seen under
 * them), not from a typed list of districts.
 */
import { kreisOf, normaliseAuthorityName } from '../store/authority.ts';

/** What the filters need of a Vorgang. */
export interface FilterableVorgang {
  readonly number: string;
  readonly form: string;
  readonly behoerde: string;
  readonly ags: string | null;
  /** The step it stands at (its stored step, else the offer's first); null when the offer has none. */
  readonly step: string | null;
}

/** The filter as the query string gives it; an empty value filters nothing. */
export interface VorgangFilter {
  readonly angebot: string;
  readonly stand: string;
  readonly kreis: string;
  readonly suche: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim().slice(0, 200) : '');

/** The filter of a request's query (`angebot`, `stand`, `kreis`, `suche`). */
export function readFilter(query: Readonly<Record<string, unknown>>): VorgangFilter {
  return { angebot: text(query['angebot']), stand: text(query['stand']), kreis: text(query['kreis']), suche: text(query['suche']) };
}

export function isFiltered(filter: VorgangFilter): boolean {
  return Object.values(filter).some((value) => value !== '');
}

/** The Vorgänge the filter lets through; the search looks at Behörde (case-folded), number and key. */
export function filterVorgaenge<V extends FilterableVorgang>(vorgaenge: readonly V[], filter: VorgangFilter): V[] {
  const search = normaliseAuthorityName(filter.suche);
  return vorgaenge.filter(
    (v) =>
      (filter.angebot === '' || v.form === filter.angebot) &&
      (filter.stand === '' || v.step === filter.stand) &&
      (filter.kreis === '' || kreisOf(v.ags) === filter.kreis) &&
      (search === '' || normaliseAuthorityName(`${v.behoerde} ${v.number} ${v.ags ?? ''}`).includes(search)),
  );
}

/** A choice of the Kreis/Stadt filter: the Kreisschlüssel and the Behörden seen under it. */
export interface KreisChoice {
  readonly kreis: string;
  readonly behoerden: readonly string[];
}

/** Every Kreisschlüssel the Vorgänge have, in order, each with the Behörde names under it. */
export function kreisChoices(vorgaenge: readonly FilterableVorgang[]): KreisChoice[] {
  const seen = new Map<string, Set<string>>();
  for (const v of vorgaenge) {
    const kreis = kreisOf(v.ags);
    if (kreis === null) continue;
    const names = seen.get(kreis) ?? new Set<string>();
    names.add(v.behoerde.trim());
    seen.set(kreis, names);
  }
  return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kreis, names]) => ({ kreis, behoerden: [...names].sort((a, b) => a.localeCompare(b, 'de')) }));
}
