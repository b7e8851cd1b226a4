/**
 * A table of submissions in its own scrolling region (the admin list's sections, one Vorgang's
 * page): Eingangsnummer, time of arrival and every field. Every value is text, escaped by Preact, and
 * isolated in <bdi> (its writing direction stays inside its cell).
 */
import { adminStrings as s } from '../../shared/strings/admin.ts';
import { displayValue, fieldLabel, formatReceivedAt as formatDate } from '../export/format.ts';
import type { ComponentChildren } from 'preact';
import type { FieldDefinition } from '../../shared/forms/index.ts';

/** Values shown on one line (an address, a number, a date); the others are free text that wraps between words. */
const WHOLE_VALUES: ReadonlySet<FieldDefinition['type']> = new Set(['email', 'tel', 'month', 'ags']);

export interface ShownSubmission {
  readonly reference: string;
  readonly receivedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SubmissionsTableProps {
  readonly fields: readonly FieldDefinition[];
  readonly submissions: readonly ShownSubmission[];
  /** The id of the heading that names the table's region. */
  readonly labelledBy: string;
}

/**
 * A table of the admin area in its own scrolling region, named by the heading `labelledBy`: the
 * header row and the first column stay in view (classes, not style attributes: the CSP allows none;
 * src/styles/admin.css). The region takes the keyboard focus, so it scrolls by keyboard too.
 */
export function ScrollTable({ labelledBy, labels, children }: { labelledBy: string; labels: readonly string[]; children: ComponentChildren }) {
  return (
    <div role="region" aria-labelledby={labelledBy} tabIndex={0} class="table-region">
      <table>
        <thead>
          <tr>
            {labels.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The submissions' table: Eingangsnummer, time of arrival, every field. */
export function SubmissionsTable({ fields, submissions, labelledBy }: SubmissionsTableProps) {
  return (
    <ScrollTable labelledBy={labelledBy} labels={[s.reference, s.receivedAt, ...fields.map(fieldLabel)]}>
      {submissions.map((submission) => (
        <tr key={submission.reference}>
          <th scope="row" class="whole">
            {submission.reference}
          </th>
          <td class="whole">{formatDate(submission.receivedAt)}</td>
          {fields.map((field) => (
            <td key={field.name} class={WHOLE_VALUES.has(field.type) ? 'whole' : 'text'}>
              {/* Isolated: a right-to-left text cannot turn the cells around it. */}
              <bdi>{displayValue(field, submission.data[field.name])}</bdi>
            </td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}
