/**
 * The registry of all forms. The server builds it once from the content (the interest form's
 * choices come from the offer); a page imports the single definition it renders.
 */
import { barriereMeldenForm, createInteresseForm } from './schemas.ts';
import type { FormDefinition, FormName } from './types.ts';

export { antragsstreckenOptions, INTERESSE_OFFER, type OfferWithLeistungen } from './antragsstrecken.ts';
export { barriereMeldenMeta } from './barriere-melden.ts';
export { interesseMeta } from './interesse.ts';
export { barriereMeldenForm, createInteresseForm } from './schemas.ts';
export { HONEYPOT_FIELD, NEXT_FIELD } from './protocol.ts';
export { validateSubmission, errorCode, pickFields } from './validate.ts';
export { mailtoWithInput } from './mailto.ts';
export type { FieldDefinition, FieldError, FieldErrorCode, FormDefinition, FormMeta, FormName } from './types.ts';

/** All form names, in a stable order. */
export const FORM_NAMES: readonly FormName[] = ['interesse', 'barriere-melden'];

export type FormRegistry = Readonly<Record<FormName, FormDefinition>>;

/** Builds every form definition; the interest form needs the Antragsstrecken of its offer. */
export function createFormRegistry(antragsstrecken: readonly string[]): FormRegistry {
  return {
    interesse: createInteresseForm(antragsstrecken),
    'barriere-melden': barriereMeldenForm,
  };
}

export function isFormName(name: string): name is FormName {
  return (FORM_NAMES as readonly string[]).includes(name);
}
