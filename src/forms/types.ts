/**
 * The shape of a form definition. One definition per form (src/forms/<form>.ts) holds the fields,
 * the German messages and ONE zod schema built from them; the browser island and the form server
 * (server/) both use it, so a rule or a message changes in one place only.
 */
import type * as z from 'zod/mini';

/** How a field is rendered; the server and the island treat the value accordingly. */
export type FieldType =
  | 'text'
  | 'email'
  | 'tel'
  | 'month'
  | 'textarea'
  /** Several choices from `options`; the value is a list of strings. */
  | 'checkboxes'
  /** One checkbox that must be ticked (consent); the value is `true`. */
  | 'consent';

/** The messages of one field, GOV.UK style: they say what to do, not what went wrong. */
export interface FieldMessages {
  /** Shown when a required field is missing or empty. */
  readonly required?: string;
  /** Shown when the value has the wrong format (e-mail, month, AGS …). */
  readonly format?: string;
  /** Shown when a text is longer than `maxLength`. */
  readonly tooLong?: string;
  /** Shown when a choice is not one of `options`. */
  readonly option?: string;
}

/** One field of a form. */
export interface FieldDefinition {
  /** Name of the field in the submission (HTML `name`, JSON key, CSV column). */
  readonly name: string;
  /** Visible German label. */
  readonly label: string;
  /** Short label for e-mail, admin list and CSV; defaults to `label`. */
  readonly shortLabel?: string;
  /** Hint below the label (`<id>-hint`). */
  readonly hint?: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** Choices of a `checkboxes` field. */
  readonly options?: readonly string[];
  /** Longest accepted text in characters. */
  readonly maxLength?: number;
  /** HTML autocomplete token. */
  readonly autocomplete?: string;
  /** HTML inputmode. */
  readonly inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  /** HTML size hint for the width of the input in characters. */
  readonly width?: number;
  /** What to tell the visitor when the value is not accepted. */
  readonly messages: FieldMessages;
}

/** Formspree's field error codes, as @formspree/core understands them. */
export type FieldErrorCode = 'REQUIRED_FIELD_MISSING' | 'REQUIRED_FIELD_EMPTY' | 'TYPE_EMAIL' | 'TYPE_TEXT';

/** One error of one field, in the shape of Formspree's `errors` array. */
export interface FieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly message: string;
}

/** The names of all forms; each has its own definition file. */
export type FormName = 'interesse' | 'barriere-melden';

/**
 * Everything about a form except its schema: enough to render it, mail it and export it. Kept free
 * of zod, so the browser island can render the form without loading the validation code.
 */
export interface FormMeta {
  readonly name: FormName;
  /** Page heading of the form, also used in the admin list and in the e-mail subject. */
  readonly title: string;
  /** The site path of the form page (for "back to the form" links), with trailing slash. */
  readonly path: string;
  /** The site path of the thank-you page a plain form post is redirected to. */
  readonly thankYouPath: string;
  /** The privacy notes of this form (linked next to the submit button). */
  readonly privacyHref: string;
  /** Prefix of the reference numbers, e. g. "KV" gives KV-2026-000123. */
  readonly referencePrefix: string;
  /** The fields in the order they are shown. */
  readonly fields: readonly FieldDefinition[];
  /** The field holding the submitter's e-mail address (Reply-To), if any. */
  readonly replyToField?: string;
  /** The field holding the submitter's name, if any (display name of the Reply-To). */
  readonly replyToNameField?: string;
  /** The field whose value names the submission in the e-mail subject. */
  readonly subjectField: string;
}

/** A complete form definition: the form and its one schema. */
export interface FormDefinition<Schema extends z.ZodMiniType = z.ZodMiniType> extends FormMeta {
  /** The one schema: parses a raw submission (JSON, urlencoded or multipart) into clean data. */
  readonly schema: Schema;
}

/** The clean data a form schema produces. */
export type SubmissionValues<D extends FormDefinition> = z.output<D['schema']>;
