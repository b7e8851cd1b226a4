/**
 * Schema builders: each turns a field definition into the zod (mini) schema for its value. They
 * accept what the three submission formats send — JSON values, urlencoded strings (a repeated key
 * arrives as a list) and multipart strings — and produce clean, trimmed data. `zod/mini` keeps the
 * browser island small; the schemas behave exactly like classic zod ones.
 */
import * as z from 'zod/mini';
import type { FieldDefinition } from './types.ts';

/** Trims a text; an empty text counts as "not given", as a browser sends empty inputs as "". */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function message(field: FieldDefinition, kind: keyof FieldDefinition['messages']): string {
  const text = field.messages[kind] ?? field.messages.required ?? field.messages.format;
  if (text === undefined) throw new Error(`Feld „${field.name}“: die Meldung „${kind}“ fehlt in der Formulardefinition.`);
  return text;
}

/**
 * C0 control characters other than TAB, LF and CR, and DEL: nobody types them, and NUL and friends
 * break e-mail, CSV and HTML. A UTF-16 half without its partner (a "lone surrogate") cannot be
 * written as UTF-8 at all, so it could not be stored, mailed or exported intact.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/** True when a text holds characters that are refused in every field (see above). */
export function hasForbiddenCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text) || LONE_SURROGATE.test(text);
}

/** The message for invisible control characters; it names the field, as no definition needs its own. */
export function forbiddenCharactersMessage(field: FieldDefinition): string {
  return `Das Feld „${field.shortLabel ?? field.label}“ enthält unsichtbare Steuerzeichen. Tippen Sie den Text neu ein, statt ihn einzufügen`;
}

function bounded(field: FieldDefinition) {
  const checks: z.core.$ZodCheck<string>[] = [z.refine((v: string) => !hasForbiddenCharacters(v), { error: forbiddenCharactersMessage(field) })];
  if (field.maxLength !== undefined) checks.push(z.maxLength(field.maxLength, { error: message(field, 'tooLong') }));
  return z.string({ error: message(field, field.required ? 'required' : 'format') }).check(...checks);
}

/** Makes a value schema optional when the field is optional, after blanks became undefined. */
function presence<T extends z.ZodMiniType>(field: FieldDefinition, schema: T) {
  return z.pipe(z.transform(blankToUndefined), field.required ? schema : z.optional(schema));
}

/** A free text (`text`, `textarea`). */
export function textSchema(field: FieldDefinition) {
  return presence(field, bounded(field));
}

/** An e-mail address. CR and LF never pass, so the address is safe as a Reply-To header. */
export function emailSchema(field: FieldDefinition) {
  return presence(
    field,
    bounded(field).check(z.email({ error: message(field, 'format') })),
  );
}

/** A phone number: digits, spaces and + ( ) / - only, with at least three digits. */
export function phoneSchema(field: FieldDefinition) {
  return presence(
    field,
    bounded(field).check(
      z.regex(/^\+?[0-9][0-9 ()/-]*$/, { error: message(field, 'format') }),
      z.refine((v) => v.replace(/\D/g, '').length >= 3, { error: message(field, 'format') }),
    ),
  );
}

/**
 * A month written as JJJJ-MM (what `<input type="month">` sends) or, where the browser shows a
 * plain text box, as MM.JJJJ or MM/JJJJ; the result is always JJJJ-MM.
 */
export function monthSchema(field: FieldDefinition) {
  const toIsoMonth = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const german = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(value);
    return german ? `${german[2]}-${german[1]!.padStart(2, '0')}` : value;
  };
  return presence(
    field,
    z.pipe(
      z.transform(toIsoMonth),
      z.string({ error: message(field, 'format') }).check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/, { error: message(field, 'format') })),
    ),
  );
}

/**
 * Several choices from `field.options`. A single string (one urlencoded key) becomes a list of
 * one; repeated choices are kept once.
 */
export function choicesSchema(field: FieldDefinition) {
  const options = field.options ?? [];
  const toList = (value: unknown): unknown => {
    if (typeof value === 'string') return value.trim() === '' ? [] : [value];
    if (Array.isArray(value)) return value.filter((v) => !(typeof v === 'string' && v.trim() === ''));
    return value;
  };
  const list = z.array(z.string({ error: message(field, 'option') }), { error: message(field, 'required') }).check(
    z.refine((values) => values.every((v) => options.includes(v)), { error: message(field, 'option') }),
    z.overwrite((values) => [...new Set(values)]),
  );
  const required = field.required ? list.check(z.minLength(1, { error: message(field, 'required') })) : list;
  return z.pipe(z.transform(toList), field.required ? required : z.optional(required));
}

/** The values a checkbox sends or a JSON client may send for "yes". */
export const consentValues: readonly unknown[] = ['on', 'true', true, '1', 1, 'ja'];

/** A checkbox that must be ticked, e. g. consent to the privacy notice. The result is `true`. */
export function consentSchema(field: FieldDefinition) {
  return z.pipe(
    z.transform((value: unknown) => consentValues.includes(value)),
    z.literal(true, { error: message(field, 'required') }),
  );
}

/** The schema of a field by its type; a definition may still use a specific builder instead. */
export function schemaFor(field: FieldDefinition) {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return textSchema(field);
    case 'email':
      return emailSchema(field);
    case 'tel':
      return phoneSchema(field);
    case 'month':
      return monthSchema(field);
    case 'checkboxes':
      return choicesSchema(field);
    case 'consent':
      return consentSchema(field);
  }
}

/** Looks a field up by name and fails loudly on a typo in a definition. */
export function fieldNamed(fields: readonly FieldDefinition[], name: string): FieldDefinition {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`Formulardefinition: Feld „${name}“ gibt es nicht.`);
  return field;
}
