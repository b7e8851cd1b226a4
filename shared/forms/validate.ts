/**
 * Runs a form's schema over a raw submission and reports errors the way Formspree does: one entry
 * per field with a Formspree error code and the German message of the definition. The island shows
 * these before sending; the server answers them with 422.
 */
import type { FieldDefinition, FieldError, FieldErrorCode, FormDefinition, FormMeta, SubmissionValues } from './types.ts';

export type ValidationResult<D extends FormDefinition> =
  | { readonly ok: true; readonly data: SubmissionValues<D> }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

function isBlank(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  return value === false;
}

/** Formspree's code for an error of `field`, judged by what the visitor sent. */
export function errorCode(field: FieldDefinition, raw: unknown): FieldErrorCode {
  if (raw === undefined || raw === null) return 'REQUIRED_FIELD_MISSING';
  if (isBlank(raw)) return 'REQUIRED_FIELD_EMPTY';
  return field.type === 'email' ? 'TYPE_EMAIL' : 'TYPE_TEXT';
}

/**
 * Keeps only the fields the form defines (unknown fields are dropped, so nothing unexpected is
 * stored or mailed).
 */
export function pickFields(definition: FormMeta, input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of definition.fields) {
    if (Object.hasOwn(input, field.name)) picked[field.name] = input[field.name];
  }
  return picked;
}

/** Validates a raw submission: clean data, or the first error of each failed field in field order. */
export function validateSubmission<D extends FormDefinition>(
  definition: D,
  input: Readonly<Record<string, unknown>>,
): ValidationResult<D> {
  const picked = pickFields(definition, input);
  const result = definition.schema.safeParse(picked);
  if (result.success) return { ok: true, data: result.data as SubmissionValues<D> };
  const messages = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (!messages.has(name)) messages.set(name, issue.message);
  }
  const errors: FieldError[] = [];
  for (const field of definition.fields) {
    const text = messages.get(field.name);
    if (text !== undefined) errors.push({ field: field.name, code: errorCode(field, picked[field.name]), message: text });
  }
  return { ok: false, errors };
}
