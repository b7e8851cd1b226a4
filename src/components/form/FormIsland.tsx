/**
 * The form island: state and sending only; the markup is the form's view (shared/forms/view/), the
 * same components the form server renders its error page with. Server-rendered as a real
 * <form action method="post"> that works without JavaScript; once hydrated it validates on submit
 * with the form's shared zod schema (GOV.UK pattern: error summary focused, inline errors,
 * "Fehler: " in the title), counts characters in long texts, sends with @formspree/react, shows a
 * busy state and, on success, the confirmation with the reference number in the page. On a
 * network or server failure the input stays, with a retry and a mailto fallback that carries it.
 */
import { useForm } from '@formspree/react';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedMouseEvent, TargetedSubmitEvent } from 'preact';
import { HONEYPOT_FIELD } from '../../../shared/forms/protocol.ts';
import type { FieldDefinition, FieldError, FormMeta } from '../../../shared/forms/types.ts';
import { Confirmation } from '../../../shared/forms/view/Confirmation.tsx';
import { FormView } from '../../../shared/forms/view/FormView.tsx';
import { anchorOf } from '../../../shared/forms/view/ids.ts';
import { formStrings as s } from '../../../shared/strings/form.ts';
import { useCharacterCounts } from './character-counts.ts';
import { orderErrors, referenceFromNext, valuesFromFormData } from './values.ts';

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

type Validation = typeof import('../../../shared/forms/client-validation.ts');
let validation: Promise<Validation> | null = null;

/**
 * The schema and zod load on first use of the form (focus or submit), not with the page. If they
 * cannot be loaded, the form is sent anyway and the server validates it (same rules, same messages).
 */
function loadValidation(): Promise<Validation> {
  validation ??= import('../../../shared/forms/client-validation.ts').catch((error: unknown) => {
    validation = null;
    throw error;
  });
  return validation;
}

export default function FormIsland(props: Props) {
  const form = props.form;
  const endpoint = props.endpoint !== '' ? props.endpoint : typeof window === 'undefined' ? '' : window.location.origin;
  const [state, submit] = useForm(props.formKey, { endpoint });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [lastValues, setLastValues] = useState<Record<string, unknown>>({});
  const counts = useCharacterCounts(form);
  const checking = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const confirmationRef = useRef<HTMLHeadingElement>(null);
  const baseTitle = useRef('');

  useEffect(() => {
    baseTitle.current = document.title.replace(new RegExp(`^${s.titlePrefix}`), '');
  }, []);

  // Answers of the server: field errors like our own validation, anything else as a failure.
  useEffect(() => {
    if (state.errors === null) return;
    const fieldErrors = state.errors.getAllFieldErrors().flatMap(([field, list]) =>
      list.map((e): FieldError => ({ field: String(field), code: 'TYPE_TEXT', message: e.message })),
    );
    setErrors(orderErrors(form, fieldErrors));
    setFailed(fieldErrors.length === 0);
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
    document.title = `${form.texts.thanksTitle} – ${baseTitle.current}`;
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
    return <Confirmation form={form} reference={referenceFromNext(state.result?.next)} headingRef={confirmationRef} />;
  }

  return (
    <FormView
      form={form}
      action={`${props.endpoint}/f/${encodeURIComponent(props.formKey)}`}
      next={props.next}
      postfach={props.postfach}
      errors={errors}
      failure={failed ? { message: s.failure.text, values: lastValues } : undefined}
      submitting={state.submitting}
      counts={counts.current}
      island={{
        onSubmit: (event) => void onSubmit(event),
        onFocusIn: () => void loadValidation().catch(() => undefined),
        onInput: counts.onInput,
        onSummaryLink: focusField,
        summaryRef,
        failureRef,
      }}
    />
  );
}
