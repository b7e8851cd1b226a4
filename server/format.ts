/** How stored values are written for people: in the e-mail, the admin list and the CSV export. */
import type { FieldDefinition } from '../src/forms/index.ts';
import { serverStrings } from '../src/strings/server.ts';

/** A field's value as one line of text; lists are joined with "; ", a ticked consent is "ja". */
export function displayValue(field: FieldDefinition, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'consent') return value === true ? serverStrings.values.yes : serverStrings.values.no;
  if (Array.isArray(value)) return value.map(String).join('; ');
  return String(value);
}

export function fieldLabel(field: FieldDefinition): string {
  return field.shortLabel ?? field.label;
}

/** A moment as German date and time in Germany, e. g. "28.11.2026, 14:03 Uhr". */
export function formatReceivedAt(iso: string): string {
  const text = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return serverStrings.values.time.replace('{time}', text);
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** Removes line breaks and control characters, e. g. before a value goes into a mail header. */
export function singleLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
