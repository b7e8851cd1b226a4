/**
 * Single-line fields hold one line: every kind of line break is refused in every single-line field
 * of both forms (text, email, tel, month, ags), with a German message naming the field; a textarea
 * keeps its line breaks. Table-driven over the forms' own field lists.
 */
import { describe, expect, it } from 'vitest';
import { barriereMeldenMeta, validateSubmission, withSchema, type FieldDefinition, type FormDefinition } from '../../shared/forms/index.ts';
import { interesse, validInteresse } from './helpers.ts';

const barrier = withSchema(barriereMeldenMeta);

function errorsOf(input: Record<string, unknown>, form: FormDefinition) {
  const result = validateSubmission(form, input);
  return result.ok ? [] : result.errors;
}

describe('one line in every single-line field', () => {
  const breaks: [string, string][] = [
    ['LF', '\n'],
    ['CR', '\r'],
    ['CR LF', '\r\n'],
    ['NEL (U+0085)', '\u0085'],
    ['LINE SEPARATOR (U+2028)', '\u2028'],
    ['PARAGRAPH SEPARATOR (U+2029)', '\u2029'],
    ['vertical tab', '\u000b'],
    ['form feed', '\u000c'],
  ];
  /** A valid value of each single-line field, with a place in the middle for the break. */
  const singleLine = (form: FormDefinition): [FieldDefinition, string, string][] =>
    form.fields.flatMap((field): [FieldDefinition, string, string][] => {
      const parts: Partial<Record<FieldDefinition['type'], [string, string]>> = {
        text: ['Stadt', 'Dortmund'],
        email: ['erika@', 'stadt.de'],
        tel: ['0231', '123456'],
        month: ['03.', '2027'],
        ags: ['05913', '000'],
      };
      const part = parts[field.type];
      return part === undefined ? [] : [[field, ...part]];
    });

  for (const form of [interesse, barrier]) {
    for (const [field, before, after] of singleLine(form)) {
      for (const [name, character] of breaks) {
        it(`${form.name} → ${field.name}: refuses a ${name} with a German message naming the field`, () => {
          const errors = errorsOf({ ...validFor(form), [field.name]: `${before}${character}${after}` }, form);
          const expected = name === 'vertical tab' || name === 'form feed' ? 'unsichtbare Steuerzeichen' : `Schreiben Sie die Angabe „${field.shortLabel ?? field.label}“ in eine Zeile`;
          expect(errors).toEqual([{ field: field.name, code: field.type === 'email' ? 'TYPE_EMAIL' : 'TYPE_TEXT', message: expect.stringContaining(expected) }]);
        });
      }
    }
  }

  it('covers every single-line type of both forms', () => {
    expect(new Set(singleLine(interesse).map(([field]) => field.type))).toEqual(new Set(['text', 'email', 'tel', 'month', 'ags']));
    expect(singleLine(barrier).map(([field]) => field.name)).toEqual(['seite', 'email']);
  });

  it('keeps line breaks in a textarea', () => {
    for (const [, character] of breaks.slice(0, 6)) {
      expect(validateSubmission(interesse, validInteresse({ nachricht: `Zeile 1${character}Zeile 2` }))).toMatchObject({ ok: true });
      expect(validateSubmission(barrier, { seite: '/', beschreibung: `Zeile 1${character}Zeile 2` })).toMatchObject({ ok: true });
    }
  });
});

/** A valid submission of either form. */
function validFor(form: FormDefinition): Record<string, unknown> {
  return form === interesse ? validInteresse() : { seite: '/kontakt/', beschreibung: 'Kein Fokus', email: 'a@stadt.de' };
}

