/** How stored values are written for people: in the e-mail, the admin list and the CSV export. */
import type { FieldDefinition } from '../../shared/forms/index.ts';
import { formatDateAndTime, formatMonth } from '../../shared/lib/dates.ts';
import { serverStrings } from '../strings/server.ts';
import { fill } from '../../shared/strings/template.ts';
import { writableText } from '../../shared/lib/characters.ts';

/**
 * A field's value as text: lists joined with "; ", a month as 03.2027. A character that is not text
 * (a noncharacter, a control character: rows stored before the forms refused them) becomes U+FFFD,
 * so the export, the mail and the admin list never write one.
 */
export function displayValue(field: FieldDefinition, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return writableText(value.map(String).join('; '));
  if (field.type === 'month') return formatMonth(String(value));
  return writableText(String(value));
}

export function fieldLabel(field: FieldDefinition): string {
  return field.shortLabel ?? field.label;
}

/** A stored moment (ISO) as German date and time in Germany, e. g. "28.11.2026, 14:03 Uhr". */
export function formatReceivedAt(iso: string): string {
  return fill(serverStrings.values.time, { time: formatDateAndTime(new Date(iso)) });
}

/** Removes line breaks and control characters, e. g. before a value goes into a mail header. */
export function singleLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = writableText(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
