/**
 * The fallback when a form cannot be sent at all: a mailto: link to the organisation's mailbox
 * with the visitor's input already in the body. The island offers it on a network failure, the
 * server's error page offers it too.
 */
import type { FormMeta } from './types.ts';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join('; ');
  return '';
}

/** Mail clients cut long mailto: links; the body is kept below this many characters. */
const MAX_BODY = 1800;

export function mailtoWithInput(postfach: string, form: FormMeta, raw: Readonly<Record<string, unknown>>): string {
  const lines = form.fields.map((field) => `${field.shortLabel ?? field.label}: ${text(raw[field.name])}`);
  const body = lines.join('\n').slice(0, MAX_BODY);
  return `mailto:${postfach}?subject=${encodeURIComponent(form.submissionName)}&body=${encodeURIComponent(body)}`;
}
