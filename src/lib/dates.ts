/** Dates as German readers expect them, computed in the portal's time zone. */

const TIME_ZONE = 'Europe/Berlin';

// One formatter each per process: building one per call cost 0.4 ms, about 40 % of the page
// rendering of 1,000 offers (isoDate runs for every cost phase, Stand and JSON-LD).
const numeric = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const iso = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 01.01.2024 */
export function formatDate(date: Date): string {
  return numeric.format(date);
}

/** 2024-01-01, for <time datetime> and JSON-LD. */
export function isoDate(date: Date): string {
  const parts = Object.fromEntries(iso.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The latest of several dates (e. g. the "Stand" of a page built from several entries). */
export function latest(...dates: readonly (Date | undefined)[]): Date {
  const known = dates.filter((d): d is Date => d instanceof Date);
  if (known.length === 0) throw new Error('latest() braucht mindestens ein Datum.');
  return new Date(Math.max(...known.map((d) => d.getTime())));
}
