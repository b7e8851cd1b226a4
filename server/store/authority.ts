/**
 * Which authority a submission of an interest form comes from, as the key of its Vorgang: one
 * Vorgang per (offer, authority). The key is the Gemeinde- or Kreisschlüssel (`ags`: 8 or 5 digits)
 * when one was given, else the Behörde's name normalised (NFC, trimmed, inner whitespace collapsed,
 * case-folded), so „Stadt  Köln“ and „stadt köln“ name the same authority.
 */

/** An authority as a Vorgang records it. */
export interface Authority {
  /** `ags:<digits>` or `name:<normalised name>`. */
  readonly key: string;
  /** The name as the authority wrote it (trimmed). */
  readonly behoerde: string;
  /** The Gemeinde- or Kreisschlüssel, or null. */
  readonly ags: string | null;
}

/** The Behörde name as a key: NFC, trimmed, whitespace collapsed, case-folded (ß and ss alike). */
export function normaliseAuthorityName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/** The authority of a submission's data (fields `behoerde` and `ags`), or null when it names none. */
export function authorityOf(data: Readonly<Record<string, unknown>>): Authority | null {
  const behoerde = typeof data['behoerde'] === 'string' ? data['behoerde'].trim() : '';
  const rawAgs = typeof data['ags'] === 'string' ? data['ags'].replace(/\s+/gu, '') : '';
  const ags = /^(\d{5}|\d{8})$/u.test(rawAgs) ? rawAgs : null;
  if (ags !== null) return { key: `ags:${ags}`, behoerde, ags };
  if (behoerde === '') return null;
  return { key: `name:${normaliseAuthorityName(behoerde)}`, behoerde, ags: null };
}

/** The Kreisschlüssel (first five digits) of a Gemeinde- or Kreisschlüssel. */
export function kreisOf(ags: string | null): string | null {
  return ags === null ? null : ags.slice(0, 5);
}
