/**
 * The shape of a form definition. One definition per kind of form (shared/forms/<form>.ts) holds the
 * fields and their German messages; the ONE zod schema of a form is built from its field list
 * (schemas.ts). The browser island and the form server (server/) both use it, so a rule or a
 * message changes in one place only.
 */
import type * as z from 'zod/mini';

/** How a field is rendered; the type also picks the schema builder (schemas.ts). */
export type FieldType =
  | 'text'
  | 'email'
  | 'tel'
  /** A month and year; stored as JJJJ-MM, shown to people as MM.JJJJ. */
  | 'month'
  /** An Amtlicher Gemeindeschlüssel (8 digits) or Kreisschlüssel (5 digits) from NRW. */
  | 'ags'
  /** Free text over several lines; the only type that keeps line breaks. */
  | 'textarea'
  /** Several choices from `options`; the value is a list of strings. */
  | 'checkboxes';

/** The messages of one field, GOV.UK style: they say what to do, not what went wrong. */
export interface FieldMessages {
  /** Shown when a required field is missing or empty. */
  readonly required?: string;
  /** Shown when the value has the wrong format (e-mail, month, AGS …). */
  readonly format?: string;
  /** Shown when a text is longer than `maxLength`. */
  readonly tooLong?: string;
  /** Shown when a choice is not one of `options` (for `ags`: a key from outside NRW). */
  readonly option?: string;
}

/** One field of a form. */
export interface FieldDefinition {
  /** Name of the field in the submission (HTML `name`, JSON key, CSV column). */
  readonly name: string;
  /** Visible German label, without "(optional)": the form adds formStrings.optionalMark to a field that is not required. */
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

/**
 * The name of a form, also its key at /f/<name> and its name in storage: `barriere-melden`, or
 * `interesse-<offer id>` for the interest form of an offer (the registry in index.ts).
 */
export type FormName = string;

/** A step of what happens next, shown after a submission (an offer's `schritte`). */
export interface NextStep {
  readonly titel: string;
  readonly beschreibung: string;
  /** Things that belong to this step in no order of their own (an unordered list). */
  readonly punkte?: readonly string[] | undefined;
  /** The step the interest form itself does: the confirmation starts after it. */
  readonly formular?: boolean | undefined;
}

/** The texts around a form: its page, its confirmation and its thank-you page. */
export interface FormTexts {
  /** Page heading and title of the form page. */
  readonly pageTitle: string;
  /** Meta description of the form page. */
  readonly pageDescription: string;
  /** The paragraph above the form. */
  readonly intro: string;
  readonly confirmationHeading: string;
  readonly confirmationText: string;
  /** Title of the thank-you page (and of the page after an in-page confirmation). */
  readonly thanksTitle: string;
  readonly thanksDescription: string;
}

/**
 * Everything about a form except its schema: enough to render it, mail it and export it. Plain
 * data, free of zod, so a page can hand it to the browser island as it is.
 */
export interface FormMeta {
  readonly name: FormName;
  /** What one submission is called, naming the offer where there is one: admin list, CSV, mail subject. */
  readonly submissionName: string;
  readonly texts: FormTexts;
  /** The site path of the form page, with trailing slash. */
  readonly path: string;
  /** The site path of the thank-you page a plain form post is redirected to. */
  readonly thankYouPath: string;
  /** The privacy notice of this form; linked next to the submit button. */
  readonly privacyHref: string;
  /** The offer the form belongs to, if any: its title and page. */
  readonly offer?: { readonly id: string; readonly titel: string; readonly href: string };
  /** What happens after a submission (the offer's steps); empty when nothing follows. */
  readonly nextSteps: readonly NextStep[];
  /** Prefix of the reference numbers, e. g. "KV" gives KV-2026-000123. */
  readonly referencePrefix: string;
  /** The fields in the order they are shown. */
  readonly fields: readonly FieldDefinition[];
  /** The field holding the submitter's e-mail address (Reply-To), if any. */
  readonly replyToField?: string;
  /** The field whose value names the submission in the e-mail subject. */
  readonly subjectField: string;
}

/** A complete form definition: the form and its one schema. */
export interface FormDefinition<Schema extends z.ZodMiniType<Record<string, unknown>> = z.ZodMiniType<Record<string, unknown>>> extends FormMeta {
  /** The one schema: parses a raw submission (JSON, urlencoded or multipart) into clean data. */
  readonly schema: Schema;
}

/** The clean data a form schema produces. */
export type SubmissionValues<D extends FormDefinition> = z.output<D['schema']>;
