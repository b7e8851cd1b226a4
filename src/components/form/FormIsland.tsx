/**
 * The form island. Server-rendered as a real <form action method="post"> that works without
 * JavaScript; once hydrated it validates on submit with the form's shared zod schema (GOV.UK
 * pattern: error summary focused, inline errors, "Fehler: " in the title), sends with
 * @formspree/react, shows a busy state and, on success, the confirmation with the reference
 * number in the page. On a network or server failure the input stays, with a retry and a mailto
 * fallback that carries the filled text.
 */
import { useForm } from '@formspree/react';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedMouseEvent, TargetedSubmitEvent } from 'preact';
import { mailtoWithInput } from '../../forms/mailto.ts';
import { HONEYPOT_FIELD, NEXT_FIELD } from '../../forms/protocol.ts';
import type { FieldDefinition, FieldError, FormMeta } from '../../forms/types.ts';
import { formStrings as s } from '../../strings/form.ts';
import { anchorOf, orderErrors, referenceFromNext, valuesFromFormData } from './values.ts';

export interface Props {
  /** The form's definition from the registry (plain data: fields, texts, next steps, privacy notice). */
  form: FormMeta;
  /** Form endpoint origin; empty: the page's own origin. */
  endpoint: string;
  formKey: string;
  /** `_next` for a post without JavaScript. */
  next: string;
  /** The organisation's mailbox for the mailto fallback. */
  postfach: string;
}

type Validation = typeof import('../../forms/client-validation.ts');
let validation: Promise<Validation> | null = null;

/**
 * The schema and zod load on first use of the form (focus or submit), not with the page. If they
 * cannot be loaded, the form is sent anyway and the server validates it (same rules, same messages).
 */
function loadValidation(): Promise<Validation> {
  validation ??= import('../../forms/client-validation.ts').catch((error: unknown) => {
    validation = null;
    throw error;
  });
  return validation;
}

function describedBy(field: FieldDefinition, error: FieldError | undefined): string | undefined {
  const ids = [field.hint === undefined ? '' : `${field.name}-hint`, error === undefined ? '' : `${field.name}-error`].filter((id) => id !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Hint({ field }: { field: FieldDefinition }) {
  return field.hint === undefined ? null : (
    <div class="form-hint" id={`${field.name}-hint`}>
      {field.hint}
    </div>
  );
}

function ErrorMessage({ field, error }: { field: FieldDefinition; error: FieldError | undefined }) {
  return error === undefined ? null : (
    <p class="form-error-message" id={`${field.name}-error`}>
      <span class="visually-hidden">{s.errorPrefix}</span> {error.message}
    </p>
  );
}

function Field({ field, error }: { field: FieldDefinition; error: FieldError | undefined }) {
  const groupClass = `form-group${error === undefined ? '' : ' form-group--error'}`;
  const invalid = error === undefined ? undefined : true;
  const aria = describedBy(field, error);
  if (field.type === 'checkboxes') {
    return (
      <div class={groupClass}>
        <fieldset class="form-fieldset" aria-describedby={aria}>
          <legend class="form-label">{field.label}</legend>
          <Hint field={field} />
          <ErrorMessage field={field} error={error} />
          <div class="form-checkboxes">
            {(field.options ?? []).map((option, index) => (
              <div class="form-checkbox" key={option}>
                <input class="form-checkbox-input" type="checkbox" id={`${field.name}-${index + 1}`} name={field.name} value={option} />
                <label class="form-checkbox-label" for={`${field.name}-${index + 1}`}>
                  {option}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }
  const common = {
    id: field.name,
    name: field.name,
    'aria-invalid': invalid,
    'aria-describedby': aria,
  };
  return (
    <div class={groupClass}>
      <label class="form-label" for={field.name}>
        {field.label}
      </label>
      <Hint field={field} />
      <ErrorMessage field={field} error={error} />
      {field.type === 'textarea' ? (
        <textarea class="form-textarea" rows={8} {...common} />
      ) : (
        <input
          class={`form-input${field.width === undefined ? '' : ` form-input--w${field.width}`}`}
          type={field.type === 'email' || field.type === 'tel' ? field.type : 'text'}
          autocomplete={field.autocomplete}
          inputmode={field.inputmode}
          spellcheck={field.type === 'email' ? false : undefined}
          {...common}
        />
      )}
    </div>
  );
}

export default function FormIsland(props: Props) {
  const form = props.form;
  const endpoint = props.endpoint !== '' ? props.endpoint : typeof window === 'undefined' ? '' : window.location.origin;
  const [state, submit] = useForm(props.formKey, { endpoint });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [lastValues, setLastValues] = useState<Record<string, unknown>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const checking = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const confirmationRef = useRef<HTMLHeadingElement>(null);
  const baseTitle = useRef('');
  const strings = form.texts;

  useEffect(() => {
    baseTitle.current = document.title.replace(/^Fehler: /, '');
  }, []);

  // Answers of the server: field errors like our own validation, anything else as a failure.
  useEffect(() => {
    if (state.errors === null) return;
    const fieldErrors = state.errors.getAllFieldErrors().flatMap(([field, list]) =>
      list.map((e): FieldError => ({ field: String(field), code: 'TYPE_TEXT', message: e.message })),
    );
    if (fieldErrors.length > 0) {
      setErrors(orderErrors(form, fieldErrors));
      setFailed(false);
    } else {
      setErrors([]);
      setFailed(true);
    }
    setAttempt((n) => n + 1);
  }, [state.errors, form]);

  useEffect(() => {
    if (attempt === 0) return;
    document.title = errors.length > 0 || failed ? `${s.titlePrefix}${baseTitle.current}` : baseTitle.current;
    if (errors.length > 0) summaryRef.current?.focus();
    else if (failed) failureRef.current?.focus();
  }, [attempt]);

  useEffect(() => {
    if (!state.succeeded) return;
    document.title = `${strings.thanksTitle} – ${baseTitle.current}`;
    confirmationRef.current?.focus();
  }, [state.succeeded]);

  async function onSubmit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.submitting || checking.current) return;
    checking.current = true;
    try {
      const values = valuesFromFormData(new FormData(event.currentTarget), form);
      setLastValues(values);
      let found: readonly FieldError[] = [];
      try {
        found = (await loadValidation()).validateInBrowser(form, values);
      } catch {
        found = [];
      }
      if (found.length > 0 && values[HONEYPOT_FIELD] === undefined) {
        setErrors(orderErrors(form, found));
        setFailed(false);
        setAttempt((n) => n + 1);
        return;
      }
      setErrors([]);
      setFailed(false);
      await submit(values);
    } finally {
      checking.current = false;
    }
  }

  function focusField(event: TargetedMouseEvent<HTMLAnchorElement>, field: FieldDefinition) {
    const input = document.getElementById(anchorOf(field));
    if (input === null) return;
    event.preventDefault();
    const legendOrLabel = input.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${input.id}"]`);
    (legendOrLabel ?? input).scrollIntoView();
    input.focus({ preventScroll: true });
  }

  if (state.succeeded) {
    const reference = referenceFromNext(state.result?.next);
    return (
      <div class="form-confirmation">
        <div class="form-panel" role="status">
          <h2 class="form-panel-title" tabIndex={-1} ref={confirmationRef}>
            {strings.confirmationHeading}
          </h2>
          {reference !== null && (
            <p class="form-panel-body">
              {s.confirmation.referenceLabel}
              <br />
              <strong class="form-reference">{reference}</strong>
            </p>
          )}
        </div>
        <p>{strings.confirmationText}</p>
        {reference !== null && <p>{s.confirmation.referenceHint}</p>}
        {form.nextSteps.length > 0 && (
          <>
            <h2>{s.confirmation.nextStepsHeading}</h2>
            <ol>
              {form.nextSteps.map((step) => (
                <li key={step.titel}>
                  <strong>{step.titel}:</strong> {step.beschreibung}
                  {step.punkte && (
                    <ul>
                      {step.punkte.map((punkt) => (
                        <li key={punkt}>{punkt}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
        {form.offer !== undefined && (
          <p>
            <a href={form.offer.href}>{s.interesse.nextStepsLink.replace('{angebot}', form.offer.titel)}</a>
          </p>
        )}
      </div>
    );
  }

  const errorByField = new Map(errors.map((e) => [e.field, e]));
  const action = `${props.endpoint}/f/${encodeURIComponent(props.formKey)}`;
  return (
    <form
      class="form"
      action={action}
      method="post"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      onFocusIn={() => void loadValidation().catch(() => undefined)}
      ref={formRef}
      aria-busy={state.submitting || undefined}
    >
      {errors.length > 0 && (
        <div class="error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 class="error-summary-title" id="error-summary-title">
            {s.summaryHeading}
          </h2>
          <ul class="error-summary-list">
            {errors.map((error) => {
              const field = form.fields.find((f) => f.name === error.field);
              return field === undefined ? null : (
                <li key={error.field}>
                  <a href={`#${anchorOf(field)}`} onClick={(event) => focusField(event, field)}>
                    {error.message}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {failed && (
        <div class="error-summary" tabIndex={-1} ref={failureRef} aria-labelledby="failure-title">
          <h2 class="error-summary-title" id="failure-title">
            {s.failure.heading}
          </h2>
          <p>{s.failure.text}</p>
          <p>
            <button type="submit" class="button">
              {s.failure.retry}
            </button>
          </p>
          <p class="mb-0">
            {s.failure.mailto.replace('{postfach}', props.postfach)}{' '}
            <a href={mailtoWithInput(props.postfach, form, lastValues)}>{s.failure.mailtoLink}</a>
          </p>
        </div>
      )}
      <p class="form-hint">{s.requiredNote}</p>
      {form.fields.map((field) => (
        <Field key={field.name} field={field} error={errorByField.get(field.name)} />
      ))}
      <div class="form-honeypot" aria-hidden="true">
        <label for="feld-gotcha">{s.honeypotLabel}</label>
        <input type="text" id="feld-gotcha" name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
      </div>
      <input type="hidden" name={NEXT_FIELD} value={props.next} />
      <p class="form-hint">
        <a href={form.privacyHref}>{s.privacyLink}</a>
      </p>
      <button type="submit" class="button" aria-disabled={state.submitting ? 'true' : undefined}>
        {state.submitting ? s.submitting : s.submit}
      </button>
      <p class="visually-hidden" role="status">
        {state.submitting ? s.busyStatus : ''}
      </p>
    </form>
  );
}
