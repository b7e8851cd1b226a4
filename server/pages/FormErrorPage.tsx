/**
 * The page a form post without JavaScript gets on an error: the form's own page, with the form
 * rendered by the same view as the island (shared/forms/view/FormView.tsx), showing the errors (or
 * what went wrong as a whole) and the visitor's input, ready to be sent again.
 */
import { NEXT_FIELD, type FieldError, type FormMeta } from '../../shared/forms/index.ts';
import { FormView } from '../../shared/forms/view/FormView.tsx';
import type { PageRenderer } from './render.tsx';

export interface FormErrorPage {
  readonly form: FormMeta;
  /** Where the form posts again (the same endpoint). */
  readonly action: string;
  /** The raw submitted values. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly errors: readonly FieldError[];
  /** An error that concerns the whole form (storage unavailable, too many submissions …). */
  readonly formMessage?: string | undefined;
}

export function formErrorPage(renderer: PageRenderer, { form, action, raw, errors, formMessage }: FormErrorPage): string {
  const next = raw[NEXT_FIELD];
  return renderer.formError(
    form,
    <FormView
      form={form}
      action={action}
      next={typeof next === 'string' ? next : form.thankYouPath}
      postfach={renderer.context.postfach}
      errors={errors}
      failure={formMessage === undefined ? undefined : { message: formMessage, values: raw }}
      values={raw}
      focusOnLoad
    />,
  );
}
