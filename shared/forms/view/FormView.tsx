/**
 * A form of the portal as markup, once: the island renders it (with its state and handlers) and
 * the form server renders it for its error page (with the errors and the visitor's input). It is
 * a real <form action method="post"> that works without JavaScript: what went wrong, the fields,
 * the honeypot, `_next`, the link to the form's privacy notes and the submit button.
 */
import type { Ref, TargetedEvent, TargetedMouseEvent, TargetedSubmitEvent } from 'preact';
import { formStrings as s } from '../../strings/form.ts';
import { fill } from '../../strings/template.ts';
import { HONEYPOT_FIELD, NEXT_FIELD } from '../protocol.ts';
import type { FieldDefinition, FieldError, FormMeta } from '../types.ts';
import type { CountState } from './CharacterCount.tsx';
import { Field } from './Field.tsx';
import { ErrorSummary, Failure } from './Problems.tsx';

export interface FormViewProps {
  readonly form: FormMeta;
  /** Where the form posts: `<endpoint>/f/<form key>`. */
  readonly action: string;
  /** `_next`: where a post without JavaScript lands after success. */
  readonly next: string;
  /** The organisation's mailbox, for the fallback e-mail. */
  readonly postfach: string;
  /** Field errors, in field order; shown in the summary and at each field. */
  readonly errors: readonly FieldError[];
  /** The whole submission failed: what to tell the visitor, and the input for the fallback e-mail. */
  readonly failure?: { readonly message: string; readonly values: Readonly<Record<string, unknown>> } | undefined;
  /** The visitor's input, put back into the controls (server only: in the island the browser keeps it). */
  readonly values?: Readonly<Record<string, unknown>> | undefined;
  readonly submitting?: boolean | undefined;
  /** Live character counts by field name (island, once running). */
  readonly counts?: Readonly<Record<string, CountState>> | undefined;
  /** The server's page focuses the summary or the failure on load. */
  readonly focusOnLoad?: boolean | undefined;
  readonly island?: IslandWiring | undefined;
}

/** What only the running island adds: handlers and the elements it focuses. */
export interface IslandWiring {
  readonly onSubmit: (event: TargetedSubmitEvent<HTMLFormElement>) => void;
  readonly onFocusIn: () => void;
  readonly onInput: (event: TargetedEvent<HTMLFormElement>) => void;
  readonly onSummaryLink: (event: TargetedMouseEvent<HTMLAnchorElement>, field: FieldDefinition) => void;
  readonly summaryRef: Ref<HTMLDivElement>;
  readonly failureRef: Ref<HTMLDivElement>;
}

export function FormView(props: FormViewProps) {
  const { form, errors, values, island, focusOnLoad } = props;
  const errorByField = new Map(errors.map((e) => [e.field, e]));
  return (
    <form
      action={props.action}
      method="post"
      noValidate
      onSubmit={island?.onSubmit}
      onFocusIn={island?.onFocusIn}
      onInput={island?.onInput}
      aria-busy={props.submitting === true || undefined}
      class="form"
    >
      {errors.length > 0 && <ErrorSummary form={form} errors={errors} focusRef={island?.summaryRef} autoFocus={focusOnLoad} onLink={island?.onSummaryLink} />}
      {props.failure !== undefined && (
        <Failure form={form} {...props.failure} postfach={props.postfach} focusRef={island?.failureRef} autoFocus={focusOnLoad} />
      )}
      <p class="form-hint">{fill(s.requiredNote, { optional: s.optionalMark })}</p>
      {form.fields.map((field) => (
        <Field key={field.name} field={field} error={errorByField.get(field.name)} value={values?.[field.name]} count={props.counts?.[field.name]} />
      ))}
      <div aria-hidden="true" class="form-honeypot">
        <label for="feld-gotcha">{s.honeypotLabel}</label>
        <input type="text" id="feld-gotcha" name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
      </div>
      <input type="hidden" name={NEXT_FIELD} value={props.next} />
      <p class="form-privacy">
        <a href={form.privacyHref}>{s.privacyLink}</a>
      </p>
      <button type="submit" aria-disabled={props.submitting === true ? 'true' : undefined} class="button">
        {props.submitting === true ? s.submitting : s.submit}
      </button>
      <p role="status" class="visually-hidden">
        {props.submitting === true ? s.busyStatus : ''}
      </p>
    </form>
  );
}
