/**
 * Submissions stay readable after their form is gone. A form exists as long as its content does
 * (an offer's interest form disappears with the offer's file, a form may be renamed), but what was
 * stored under it is never lost: the admin list, the exports and the outbox describe such
 * submissions with a definition made from the stored fields themselves.
 */
import type { FieldDefinition, FormMeta, FormRegistry } from '../../shared/forms/index.ts';
import { serverStrings as s } from '../strings/server.ts';
import type { StoredSubmission } from './index.ts';
import { fill } from '../../shared/strings/template.ts';

/** What the admin list, the exports and the notification need of a form. */
export type StoredFormView = Pick<FormMeta, 'name' | 'submissionName' | 'fields' | 'subjectField' | 'replyToField' | 'offer'> & {
  readonly texts: Pick<FormMeta['texts'], 'pageTitle'>;
};

/**
 * Every field name of the stored data, in the order first seen, as a plain text field; `fields`
 * carries them from one batch of submissions to the next.
 */
export function collectFields(submissions: readonly Pick<StoredSubmission, 'data'>[], fields = new Map<string, FieldDefinition>()): Map<string, FieldDefinition> {
  for (const { data } of submissions) {
    for (const [name, value] of Object.entries(data)) {
      const type = Array.isArray(value) ? 'checkboxes' : typeof value === 'string' && value.includes('\n') ? 'textarea' : 'text';
      const known = fields.get(name);
      if (known === undefined || (known.type === 'text' && type !== 'text')) fields.set(name, { name, label: name, type, required: false, messages: {} });
    }
  }
  return fields;
}

/** A definition for submissions of a form the content no longer has, from the submissions themselves (or their fields). */
export function storedFormView(name: string, stored: readonly Pick<StoredSubmission, 'data'>[] | Map<string, FieldDefinition>): StoredFormView {
  const title = fill(s.storedForm.title, { name });
  const fields = [...(stored instanceof Map ? stored : collectFields(stored)).values()];
  const email = fields.find((field) => /mail/i.test(field.name));
  return {
    name,
    submissionName: title,
    texts: { pageTitle: title },
    fields,
    subjectField: fields[0]?.name ?? '',
    ...(email === undefined ? {} : { replyToField: email.name }),
  };
}

/** The form to describe stored submissions with: the registry's, else one made from them. */
export function viewOfStored(forms: FormRegistry, name: string, submissions: readonly Pick<StoredSubmission, 'data'>[]): StoredFormView {
  return forms.get(name) ?? storedFormView(name, submissions);
}
