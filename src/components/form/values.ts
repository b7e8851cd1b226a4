/**
 * Plain helpers of the form island, free of Preact so they can be unit-tested: reading a form's
 * values the way the server reads them, and finding the reference number in the reply.
 */
import { HONEYPOT_FIELD } from '../../../shared/forms/protocol.ts';
import type { FieldDefinition, FieldError, FormMeta } from '../../../shared/forms/types.ts';

/** The values of a <form> as a JSON object: a checkbox group becomes a list. */
export function valuesFromFormData(data: FormData, form: FormMeta): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const field of form.fields) {
    if (field.type === 'checkboxes') {
      values[field.name] = data.getAll(field.name).filter((v): v is string => typeof v === 'string');
      continue;
    }
    const value = data.get(field.name);
    if (typeof value === 'string') values[field.name] = value;
  }
  const honeypot = data.get(HONEYPOT_FIELD);
  if (typeof honeypot === 'string' && honeypot !== '') values[HONEYPOT_FIELD] = honeypot;
  return values;
}

/** The reference number our backend puts into `next` (?ref=…); null for other backends. */
export function referenceFromNext(next: string | undefined): string | null {
  if (next === undefined) return null;
  try {
    const ref = new URL(next, 'http://x.invalid').searchParams.get('ref');
    return ref !== null && /^[A-Z]{2}-\d{4}-\d{6}$/.test(ref) ? ref : null;
  } catch {
    return null;
  }
}

/** Field errors in the order of the form, at most one per field. */
export function orderErrors(form: FormMeta, errors: readonly FieldError[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of errors) if (!byField.has(error.field)) byField.set(error.field, error);
  return form.fields.flatMap((field: FieldDefinition) => {
    const error = byField.get(field.name);
    return error === undefined ? [] : [error];
  });
}
