/**
 * What an open editorial gap shows (shared/lib/gaps.ts), in its own module so that the form island,
 * which shows an offer's steps, does not load the page dictionary (de.ts).
 */
export const gapStrings = {
  /** In place of the missing fact. */
  gap: 'wird ergänzt',
  /** Its tooltip (title attribute). */
  gapLabel: 'Angabe wird ergänzt',
} as const;
