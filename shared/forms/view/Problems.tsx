/**
 * What went wrong with a submission, at the top of the form (GOV.UK): the error summary that links
 * to each field with an error, or, when the whole submission failed (network, server, storage, too
 * many posts), a panel that says so and offers a retry and an e-mail with the input filled in.
 * The island focuses them after a failed submit; the server's page focuses them on load. As in
 * GOV.UK Frontend, the focusable box holds an alert with the heading and the message.
 */
import type { Ref, TargetedMouseEvent } from 'preact';
import { formStrings as s } from '../../strings/form.ts';
import { mailtoWithInput } from '../mailto.ts';
import type { FieldDefinition, FieldError, FormMeta } from '../types.ts';
import { anchorOf } from './ids.ts';
import { fill } from '../../strings/template.ts';

interface SummaryProps {
  readonly form: FormMeta;
  /** The errors in field order. */
  readonly errors: readonly FieldError[];
  readonly focusRef?: Ref<HTMLDivElement> | undefined;
  /** Focus on page load (the server's page, where no script moves the focus). */
  readonly autoFocus?: boolean | undefined;
  /** The island moves the focus to the field itself (and its label into view). */
  readonly onLink?: ((event: TargetedMouseEvent<HTMLAnchorElement>, field: FieldDefinition) => void) | undefined;
}

export function ErrorSummary({ form, errors, focusRef, autoFocus, onLink }: SummaryProps) {
  return (
    <div tabIndex={-1} ref={focusRef ?? null} autofocus={autoFocus} class="error-summary">
      <div role="alert">
        <h2 class="error-summary-title">{s.summaryHeading}</h2>
        <ul class="error-summary-list">
          {errors.map((error) => {
            const field = form.fields.find((f) => f.name === error.field);
            return field === undefined ? null : (
              <li key={error.field}>
                <a href={`#${anchorOf(field)}`} onClick={onLink === undefined ? undefined : (event) => onLink(event, field)}>
                  {error.message}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

interface FailureProps {
  readonly form: FormMeta;
  /** What happened, in words for the visitor. */
  readonly message: string;
  /** The organisation's mailbox for the fallback. */
  readonly postfach: string;
  /** The input, put into the fallback e-mail. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly focusRef?: Ref<HTMLDivElement> | undefined;
  readonly autoFocus?: boolean | undefined;
}

export function Failure({ form, message, postfach, values, focusRef, autoFocus }: FailureProps) {
  return (
    <div tabIndex={-1} ref={focusRef ?? null} autofocus={autoFocus} class="error-summary">
      <div role="alert">
        <h2 class="error-summary-title">{s.failure.heading}</h2>
        <p>{message}</p>
      </div>
      <p>
        <button type="submit" class="button">
          {s.failure.retry}
        </button>
      </p>
      <p class="mb-0">
        {fill(s.failure.mailto, { postfach })} <a href={mailtoWithInput(postfach, form, values)}>{s.failure.mailtoLink}</a>
      </p>
    </div>
  );
}
