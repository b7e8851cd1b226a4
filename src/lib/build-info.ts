/**
 * The day the site describes: the build date, or BUILD_DATE (JJJJ-MM-TT) for a reproducible build
 * or to preview a future state (e. g. a cost phase that starts later).
 */
export function resolveBuildDate(env: string | undefined, now: Date = new Date()): Date {
  if (!env) return now;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(env)) throw new Error(`BUILD_DATE „${env}“ ist kein Datum im Format JJJJ-MM-TT.`);
  return new Date(`${env}T12:00:00Z`);
}

export const buildDate = resolveBuildDate(process.env['BUILD_DATE']);
