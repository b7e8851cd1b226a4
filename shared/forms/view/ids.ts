/**
 * The ids that tie a field's parts together (GOV.UK: `<name>-hint`, `<name>-error`, and
 * `<name>-info` for a character count), so the island, the server's error page and the error
 * summary's links all point at the same elements.
 */
import type { FieldDefinition, FieldError } from '../types.ts';

export const hintId = (field: FieldDefinition): string => `${field.name}-hint`;
export const errorId = (field: FieldDefinition): string => `${field.name}-error`;
export const countId = (field: FieldDefinition): string => `${field.name}-info`;

/** True when a field shows a character count: a long text with a limit. */
export function hasCharacterCount(field: FieldDefinition): field is FieldDefinition & { maxLength: number } {
  return field.type === 'textarea' && field.maxLength !== undefined;
}

/** The id an error summary link points to: the input, or the first box of a group. */
export function anchorOf(field: FieldDefinition): string {
  return field.type === 'checkboxes' ? `${field.name}-1` : field.name;
}

/** `aria-describedby` of a field's control: hint, error, character count (those that exist). */
export function describedBy(field: FieldDefinition, error: FieldError | undefined): string | undefined {
  const ids = [
    field.hint === undefined ? '' : hintId(field),
    error === undefined ? '' : errorId(field),
    hasCharacterCount(field) ? countId(field) : '',
  ].filter((id) => id !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}
