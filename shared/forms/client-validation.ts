/**
 * What the browser island loads when it validates (dynamic import): the schema built from the
 * fields it renders, and the validation. Separate from the island's first load so that zod costs
 * nothing until the form is used.
 */
import { withSchema } from './schemas.ts';
import type { FieldError, FormDefinition, FormMeta } from './types.ts';
import { validateSubmission } from './validate.ts';

const built = new WeakMap<FormMeta, FormDefinition>();

export function validateInBrowser(form: FormMeta, values: Readonly<Record<string, unknown>>): readonly FieldError[] {
  let definition = built.get(form);
  if (definition === undefined) {
    definition = withSchema(form);
    built.set(form, definition);
  }
  const result = validateSubmission(definition, values);
  return result.ok ? [] : result.errors;
}
