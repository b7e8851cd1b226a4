/**
 * What the browser island loads when it validates (dynamic import): the form's schema and the
 * validation. Separate from the island's first load so that zod costs nothing until the form is used.
 */
import { barriereMeldenForm, createInteresseForm } from './schemas.ts';
import type { FieldError, FormName } from './types.ts';
import { validateSubmission } from './validate.ts';

export function validateInBrowser(
  form: FormName,
  antragsstrecken: readonly string[],
  values: Readonly<Record<string, unknown>>,
): readonly FieldError[] {
  const definition = form === 'interesse' ? createInteresseForm(antragsstrecken) : barriereMeldenForm;
  const result = validateSubmission(definition, values);
  return result.ok ? [] : result.errors;
}
