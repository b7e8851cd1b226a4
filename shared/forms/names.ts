/**
 * The names of forms, without the form definitions: the store's worker thread needs only these
 * (importing shared/forms/index.ts there loads every definition and its strings at each start).
 */

/** What every interest form's name starts with. */
export const INTEREST_FORM_PREFIX = 'interesse-';

/** The name of an offer's interest form, also its key at /f/<name> and its name in storage. */
export function interesseFormName(offerId: string): string {
  return `${INTEREST_FORM_PREFIX}${offerId}`;
}
