/**
 * GOV.UK's character count under a long text field. Without JavaScript (and on the server's error
 * page) it states the limit. Once the island runs, that sentence stays for screen readers (the
 * field's description) and a visible count follows the typing, "Sie haben noch N Zeichen", marked
 * as an error past the limit; a polite live region repeats the count when typing pauses, so a
 * screen reader is not interrupted at every key.
 */
import { formStrings as s } from '../../strings/form.ts';
import type { FieldDefinition } from '../types.ts';
import { countId } from './ids.ts';
import { fill } from '../../strings/template.ts';

/** What the island knows about a counted field: its length now, and the length last announced. */
export interface CountState {
  readonly length: number;
  readonly announced: number;
}

/** The count's sentence for a text of `length` characters. */
function countMessage(maxLength: number, length: number): string {
  const left = maxLength - length;
  return left >= 0 ? fill(s.characterCount.remaining, { n: left }) : fill(s.characterCount.over, { n: -left });
}

interface Props {
  readonly field: FieldDefinition & { maxLength: number };
  /** Absent: no JavaScript, only the limit is stated. */
  readonly count?: CountState | undefined;
}

export function CharacterCount({ field, count }: Props) {
  const limit = fill(s.characterCount.limit, { max: field.maxLength });
  if (count === undefined) {
    return (
      <div id={countId(field)} class="form-hint form-character-count">
        {limit}
      </div>
    );
  }
  const over = count.length > field.maxLength;
  return (
    <>
      <div id={countId(field)} class="visually-hidden">
        {limit}
      </div>
      <div aria-hidden="true" class={`form-hint form-character-count${over ? ' form-character-count--error' : ''}`}>
        {countMessage(field.maxLength, count.length)}
      </div>
      <div aria-live="polite" class="visually-hidden">
        {countMessage(field.maxLength, count.announced)}
      </div>
    </>
  );
}
