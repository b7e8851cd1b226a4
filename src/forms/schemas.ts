/**
 * The one zod schema of each form, built from its fields (interesse.ts, barriere-melden.ts) with
 * the builders of fields.ts. The server validates with these; the browser island loads this module
 * only when it validates (on first use of the form), which keeps zod out of the page's first load.
 */
import * as z from 'zod/mini';
import { barriereMeldenMeta } from './barriere-melden.ts';
import { blankToUndefined, choicesSchema, consentSchema, emailSchema, fieldNamed, monthSchema, phoneSchema, textSchema } from './fields.ts';
import { interesseMeta } from './interesse.ts';
import type { FieldDefinition, FormDefinition } from './types.ts';

/** The Amtlicher Gemeindeschlüssel: 8 digits (spaces are ignored), in NRW starting with 05. */
function agsSchema(field: FieldDefinition) {
  const format = field.messages.format ?? '';
  const nrw = field.messages.option ?? format;
  const withoutSpaces = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\s+/g, '') : blankToUndefined(v));
  return z.pipe(
    z.transform(blankToUndefined),
    z.optional(
      z.pipe(
        z.transform(withoutSpaces),
        z.string({ error: format }).check(
          z.regex(/^\d{8}$/, { error: format }),
          z.refine((v) => !/^\d{8}$/.test(v) || v.startsWith('05'), { error: nrw }),
        ),
      ),
    ),
  );
}

/** The interest form with its schema, for a list of Antragsstrecken. */
export function createInteresseForm(antragsstrecken: readonly string[]) {
  const meta = interesseMeta(antragsstrecken);
  const f = (name: string) => fieldNamed(meta.fields, name);
  const schema = z.object({
    behoerde: textSchema(f('behoerde')),
    ags: agsSchema(f('ags')),
    ansprechperson: textSchema(f('ansprechperson')),
    funktion: textSchema(f('funktion')),
    email: emailSchema(f('email')),
    telefon: phoneSchema(f('telefon')),
    antragsstrecken: choicesSchema(f('antragsstrecken')),
    start: monthSchema(f('start')),
    nachricht: textSchema(f('nachricht')),
    datenschutz: consentSchema(f('datenschutz')),
  });
  return { ...meta, schema } satisfies FormDefinition<typeof schema>;
}

export type InteresseForm = ReturnType<typeof createInteresseForm>;
export type InteresseValues = z.output<InteresseForm['schema']>;

const b = (name: string) => fieldNamed(barriereMeldenMeta.fields, name);

const barriereMeldenSchema = z.object({
  seite: textSchema(b('seite')),
  beschreibung: textSchema(b('beschreibung')),
  email: emailSchema(b('email')),
  datenschutz: consentSchema(b('datenschutz')),
});

/** The barrier report with its schema. */
export const barriereMeldenForm = { ...barriereMeldenMeta, schema: barriereMeldenSchema } satisfies FormDefinition<typeof barriereMeldenSchema>;

export type BarriereMeldenForm = typeof barriereMeldenForm;
export type BarriereMeldenValues = z.output<typeof barriereMeldenSchema>;
