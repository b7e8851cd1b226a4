/**
 * One field of a form, GOV.UK style: label (or legend), hint, inline error with a visually hidden
 * "Fehler:" prefix, the control, and a character count under long texts. The island renders it
 * without values (the browser keeps what is typed); the server's error page passes the visitor's
 * input as `value`, so nothing typed is lost.
 */
import { formStrings as s } from '../../strings/form.ts';
import type { FieldDefinition, FieldError } from '../types.ts';
import { CharacterCount, type CountState } from './CharacterCount.tsx';
import { describedBy, errorId, hasCharacterCount, hintId } from './ids.ts';

interface FieldProps {
  readonly field: FieldDefinition;
  readonly error?: FieldError | undefined;
  /** The submitted value to put back (server); undefined leaves the control as the browser has it. */
  readonly value?: unknown;
  /** The live character count (island, once running). */
  readonly count?: CountState | undefined;
}

/** A submitted value as text for an input. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return '';
}

/** The submitted values of a checkbox group (a urlencoded post repeats the key). */
function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function Hint({ field }: { field: FieldDefinition }) {
  return field.hint === undefined ? null : (
    <div id={hintId(field)} class="form-hint">
      {field.hint}
    </div>
  );
}

function ErrorMessage({ field, error }: { field: FieldDefinition; error: FieldError | undefined }) {
  return error === undefined ? null : (
    <p id={errorId(field)} class="form-error-message">
      <span class="visually-hidden">{s.errorPrefix}</span> {error.message}
    </p>
  );
}

/** A checkbox whose value is `option`; ticked on the server page when it was sent. */
function Checkbox({ id, name, option, label, value, ...aria }: { id: string; name: string; option: string; label: string; value: unknown } & Record<`aria-${string}`, unknown>) {
  return (
    <div class="form-checkbox">
      <input type="checkbox" id={id} name={name} value={option} {...(value === undefined ? {} : { checked: asList(value).includes(option) })} {...aria} class="form-checkbox-input" />
      <label for={id} class="form-checkbox-label">
        {label}
      </label>
    </div>
  );
}

/** The label text, with the mark every optional field carries (the privacy notice lists fields the same way). */
function Label({ field }: { field: FieldDefinition }) {
  return (
    <>
      {field.label}
      {field.required ? null : ` ${s.optionalMark}`}
    </>
  );
}

export function Field({ field, error, value, count }: FieldProps) {
  const groupClass = `form-group${error === undefined ? '' : ' form-group--error'}`;
  const aria = { 'aria-invalid': error === undefined ? undefined : true, 'aria-describedby': describedBy(field, error) };
  if (field.type === 'checkboxes') {
    return (
      <div class={groupClass}>
        <fieldset aria-describedby={aria['aria-describedby']} class="form-fieldset">
          <legend class="form-label">
            <Label field={field} />
          </legend>
          <Hint field={field} />
          <ErrorMessage field={field} error={error} />
          <div class="form-checkboxes">
            {(field.options ?? []).map((option, index) => (
              <Checkbox key={option} id={`${field.name}-${index + 1}`} name={field.name} option={option} label={option} value={value} />
            ))}
          </div>
        </fieldset>
      </div>
    );
  }
  // No `value` key at all in the island: preact/compat empties a textarea whose `value` is undefined.
  const kept = value === undefined ? {} : { value: asText(value) };
  const over = count !== undefined && field.maxLength !== undefined && count.length > field.maxLength;
  return (
    <div class={groupClass}>
      <label for={field.name} class="form-label">
        <Label field={field} />
      </label>
      <Hint field={field} />
      <ErrorMessage field={field} error={error} />
      {field.type === 'textarea' ? (
        <textarea id={field.name} name={field.name} rows={8} {...kept} {...aria} class={`form-textarea${over ? ' form-textarea--error' : ''}`} />
      ) : (
        <input
          // A month stays a text box, so that whatever the visitor typed comes back unchanged.
          type={field.type === 'email' || field.type === 'tel' ? field.type : 'text'}
          autocomplete={field.autocomplete}
          inputmode={field.inputmode}
          spellcheck={field.type === 'email' ? false : undefined}
          id={field.name}
          name={field.name}
          {...kept}
          {...aria}
          class={`form-input${field.width === undefined ? '' : ` form-input--w${field.width}`}`}
        />
      )}
      {hasCharacterCount(field) && <CharacterCount field={field} count={count} />}
    </div>
  );
}
