/**
 * The registry of all forms: the barrier report and one interest form per offer. Every question
 * "which form is this?" goes through it — pages take a form's definition from here, the server
 * looks a posted form up by name — so no code names an offer or switches on a form's name.
 */
import { barriereMeldenMeta } from './barriere-melden.ts';
import { interesseMeta, type OfferForForm } from './interesse.ts';
import { withSchema } from './schemas.ts';
import type { FormDefinition, FormMeta, FormName } from './types.ts';

export { barriereMeldenMeta } from './barriere-melden.ts';
export { antragsstreckenOptions, interesseFormName, interesseMeta, offerPageTexts, offerPageTitles, OPEN_CHOICE, stepsAfterForm, type OfferForForm } from './interesse.ts';
export { withSchema } from './schemas.ts';
export { HONEYPOT_FIELD, NEXT_FIELD } from './protocol.ts';
export { validateSubmission, errorCode, pickFields } from './validate.ts';
export { mailtoWithInput } from './mailto.ts';
export type { FieldDefinition, FieldError, FieldErrorCode, FormDefinition, FormMeta, FormName, FormTexts, NextStep } from './types.ts';

/** Every form of a portal whose offers have these interest forms (in offer order), then the barrier report. */
export function formCatalogue(interestForms: readonly FormMeta[]): FormMeta[] {
  return [...interestForms, barriereMeldenMeta];
}

/**
 * The fields of each kind of form, for texts that describe all forms of a kind at once (the privacy
 * notice lists what they collect): `interesse` (every offer's interest form asks the same fields,
 * only the Antragsstrecken differ) and `barriere-melden`.
 */
export function fieldsOfKind(kind: string): FormMeta['fields'] | undefined {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind]?.() : undefined;
}

const example: OfferForForm = { id: 'beispiel', titel: 'Beispiel', leistungen: [{ name: 'Beispiel', ozgId: 1, antragsstrecken: ['Beispiel'] }], schritte: [] };
const KINDS: Readonly<Record<string, () => FormMeta['fields']>> = {
  interesse: () => interesseMeta(example).fields,
  [barriereMeldenMeta.name]: () => barriereMeldenMeta.fields,
};

/** The kinds of form fieldsOfKind() knows (the values of <Formularfelder form="…" />). */
export const FORM_KINDS: readonly string[] = Object.keys(KINDS);

/** Every form by name, with its schema. */
export type FormRegistry = ReadonlyMap<FormName, FormDefinition>;

/** The registry of these forms (the build's, from content.json), each with its one schema. */
export function createFormRegistry(forms: readonly FormMeta[]): FormRegistry {
  return new Map(forms.map((meta) => [meta.name, withSchema(meta)]));
}

/**
 * The environment variable that gives a form another key (e. g. a hosted Formspree form ID):
 * `PUBLIC_FORM_KEY_<NAME>` for the build, `FORM_KEY_<NAME>` for the server, the name upper case
 * with `-` as `_` (interesse-musterdienst → FORM_KEY_INTERESSE_MUSTERDIENST).
 */
export function formKeyVariable(name: FormName, side: FormKeySide): string {
  return `${side === 'build' ? 'PUBLIC_' : ''}FORM_KEY_${name.toUpperCase().replace(/-/g, '_')}`;
}

export type FormKeySide = 'build' | 'server';

/** A form key as hosted Formspree and our server accept it in /f/<key>. */
const FORM_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface FormKeys {
  /** The key each form posts to (the build): its configured key, else its name. */
  readonly keyOf: ReadonlyMap<FormName, string>;
  /** The form behind each accepted key (the server): every form's name and its configured key. */
  readonly formOf: ReadonlyMap<string, FormName>;
  /** German problems, one per wrong variable; empty when all is well. */
  readonly problems: readonly string[];
}

/**
 * Reads the form keys of `env` for these forms. A variable for a form that does not exist (a typo,
 * an offer that was removed, the old FORM_KEY_INTERESSE) is a problem, not silently ignored.
 */
export function readFormKeys(names: readonly FormName[], env: Readonly<Record<string, unknown>>, side: FormKeySide): FormKeys {
  const keyOf = new Map<FormName, string>();
  const formOf = new Map<string, FormName>(names.map((name) => [name, name]));
  const problems: string[] = [];
  const variables = new Map(names.map((name) => [formKeyVariable(name, side), name]));
  const prefix = formKeyVariable('', side);
  for (const [variable, raw] of Object.entries(env)) {
    if (!variable.startsWith(prefix) || typeof raw !== 'string' || raw.trim() === '') continue;
    const name = variables.get(variable);
    const key = raw.trim();
    if (name === undefined) {
      problems.push(`${variable}: Ein solches Formular gibt es nicht. Möglich sind ${[...variables.keys()].join(', ')}.`);
    } else if (!FORM_KEY_PATTERN.test(key)) {
      problems.push(`${variable}: „${key}“ geht nicht; nur Buchstaben, Ziffern, - und _ sind erlaubt (höchstens 64 Zeichen).`);
    } else if (formOf.has(key) && formOf.get(key) !== name) {
      problems.push(`${variable}: Der Schlüssel „${key}“ gehört schon zum Formular „${formOf.get(key) ?? ''}“.`);
    } else {
      keyOf.set(name, key);
      formOf.set(key, name);
    }
  }
  for (const name of names) if (!keyOf.has(name)) keyOf.set(name, name);
  return { keyOf, formOf, problems };
}
