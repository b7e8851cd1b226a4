/** Dates as German readers expect them, computed in the portal's time zone. */

const TIME_ZONE = 'Europe/Berlin';

const numeric = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

/** 01.01.2024 */
export function formatDate(date: Date): string {
  return numeric.format(date);
}

/** 2024-01-01, for <time datetime> and JSON-LD. */
export function isoDate(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
