/**
 * The one zod schema of a form, built from its field list: a field's type picks its builder
 * (fields.ts); no field is listed here by hand. The server validates with these; the browser
 * island builds the same schema from the fields it renders, in a chunk it loads only when it
 * validates, which keeps zod out of the page's first load.
 */
import * as z from 'zod/mini';
import { agsSchema, choicesSchema, emailSchema, monthSchema, phoneSchema, textSchema } from './fields.ts';
import type { FieldDefinition, FieldType, FormDefinition, FormMeta } from './types.ts';

const builders: Readonly<Record<FieldType, (field: FieldDefinition) => z.ZodMiniType>> = {
  text: textSchema,
  textarea: textSchema,
  email: emailSchema,
  tel: phoneSchema,
  month: monthSchema,
  ags: agsSchema,
  checkboxes: choicesSchema,
};

/** The schema of one field, by its type. */
function fieldSchema(field: FieldDefinition): z.ZodMiniType {
  return builders[field.type](field);
}

/** The schema of a whole submission: one entry per field, unknown keys dropped. */
export function formSchema(fields: readonly FieldDefinition[]) {
  return z.object(Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)])));
}

/** A form with its schema. */
export function withSchema(meta: FormMeta): FormDefinition {
  return { ...meta, schema: formSchema(meta.fields) };
}
