/**
 * Schema builders: each turns a field definition into the zod (mini) schema for its value. They
 * accept what the three submission formats send — JSON values, urlencoded strings (a repeated key
 * arrives as a list) and multipart strings — and produce clean, trimmed data. `zod/mini` keeps the
 * browser island small; the schemas behave exactly like classic zod ones.
 */
import * as z from 'zod/mini';
import { formStrings } from '../strings/form.ts';
import type { FieldDefinition } from './types.ts';
import { fill } from '../strings/template.ts';
import { hasInvisibleCharacters, hasNonTextCharacters } from '../lib/characters.ts';

/**
 * Trims a text and writes it in Unicode's composed form (NFC: "ü" as one character, however it was
 * typed or pasted), so equal texts are stored, searched and compared alike; an empty text counts as
 * "not given", as a browser sends empty inputs as "".
 */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim().normalize('NFC');
  return trimmed === '' ? undefined : trimmed;
}

function message(field: FieldDefinition, kind: keyof FieldDefinition['messages']): string {
  const text = field.messages[kind] ?? field.messages.required ?? field.messages.format;
  if (text === undefined) throw new Error(`Feld „${field.name}“: die Meldung „${kind}“ fehlt in der Formulardefinition.`);
  return text;
}

/**
 * Everything that starts a new line somewhere: CR, LF, vertical tab, form feed, NEL (U+0085) and the
 * Unicode line and paragraph separators. A single-line value holds none of them, so it stays one
 * line in a mail header, a CSV cell and the admin list, whatever program shows it.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\r\n\u000b\u000c\u0085\u2028\u2029]/;

/** True when a text holds a line break of any kind (see LINE_BREAK). */
function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

const labelOf = (field: FieldDefinition): string => field.shortLabel ?? field.label;

/** The message for control characters and noncharacters; it names the field, as no definition needs its own. */
function forbiddenCharactersMessage(field: FieldDefinition): string {
  return fill(formStrings.messages.controlCharacters, { feld: labelOf(field) });
}

/** The message for invisible and direction characters in a one-line field; it names the field. */
function invisibleCharactersMessage(field: FieldDefinition): string {
  return fill(formStrings.messages.invisibleCharacters, { feld: labelOf(field) });
}

/** The message for a line break in a single-line field; it names the field. */
function lineBreakMessage(field: FieldDefinition): string {
  return fill(formStrings.messages.lineBreak, { feld: labelOf(field) });
}

/** Every type but `textarea` holds one line. */
function isSingleLine(field: FieldDefinition): boolean {
  return field.type !== 'textarea';
}

/**
 * Checks every text of a field gets first: no control characters or noncharacters (shared/lib/characters.ts);
 * where the field has one line, no line break and no invisible or direction character.
 */
function characterChecks(field: FieldDefinition): z.core.$ZodCheck<string>[] {
  const checks: z.core.$ZodCheck<string>[] = [z.refine((v: string) => !hasNonTextCharacters(v), { error: forbiddenCharactersMessage(field) })];
  if (isSingleLine(field)) {
    checks.push(
      z.refine((v: string) => !hasLineBreak(v), { error: lineBreakMessage(field) }),
      z.refine((v: string) => !hasInvisibleCharacters(v), { error: invisibleCharactersMessage(field) }),
    );
  }
  return checks;
}

function bounded(field: FieldDefinition) {
  const checks = characterChecks(field);
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
  const toIsoMonth = (value: string): string => {
    const german = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(value);
    return german ? `${german[2]}-${german[1]!.padStart(2, '0')}` : value;
  };
  return presence(
    field,
    z.pipe(
      z.pipe(bounded(field), z.transform(toIsoMonth)),
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
    if (typeof value === 'string') return value.trim() === '' ? [] : [value.normalize('NFC')];
    if (Array.isArray(value)) return value.filter((v) => !(typeof v === 'string' && v.trim() === '')).map((v) => (typeof v === 'string' ? v.normalize('NFC') : v));
    return value;
  };
  const list = z.array(z.string({ error: message(field, 'option') }), { error: message(field, 'required') }).check(
    z.refine((values) => values.every((v) => options.some((option) => option.normalize('NFC') === v)), { error: message(field, 'option') }),
    z.overwrite((values) => [...new Set(values)]),
  );
  const required = field.required ? list.check(z.minLength(1, { error: message(field, 'required') })) : list;
  return z.pipe(z.transform(toList), field.required ? required : z.optional(required));
}

/**
 * The Amtlicher Gemeindeschlüssel (8 digits) or the Kreisschlüssel (5 digits, the first five of
 * the Gemeindeschlüssel); spaces are ignored; in NRW both start with 05.
 */
export function agsSchema(field: FieldDefinition) {
  const format = message(field, 'format');
  const nrw = field.messages.option ?? format;
  const withoutSpaces = (v: string): string => v.replace(/[ \t]+/g, '');
  return presence(
    field,
    z.pipe(
      z.pipe(bounded(field), z.transform(withoutSpaces)),
      z.string({ error: format }).check(
        z.regex(/^(\d{5}|\d{8})$/, { error: format }),
        z.refine((v) => !/^(\d{5}|\d{8})$/.test(v) || v.startsWith('05'), { error: nrw }),
      ),
    ),
  );
}
