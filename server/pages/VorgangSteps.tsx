/**
 * A Vorgang's rollout on its page: where it stands, the form to move it on with the fields of the
 * target step (a GET form picks another target without JavaScript), and its history. Titles come
 * from the history as they were, marked „nicht mehr angeboten“ when the content no longer has the step.
 */
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { angabeField, angabeText, stepLabel, type RolloutAngabe, type RolloutStep, type StepInputError } from '../../shared/lib/rollout.ts';
import { formatReceivedAt as formatDate } from '../export/format.ts';
import type { VorgangChange } from '../store/index.ts';
import { CsrfField } from './AccountBar.tsx';
import { ScrollTable } from './SubmissionsTable.tsx';

const s = adminStrings.rollout;

/** The move form as shown: its target, what was typed (kept after an error), and the errors. */
export interface MoveForm {
  readonly target: RolloutStep;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly StepInputError[];
  /** A message for the whole form (e. g. someone else moved the Vorgang meanwhile). */
  readonly message?: string;
}

export function ErrorSummary({ errors, message }: { errors: readonly StepInputError[]; message?: string | undefined }) {
  if (errors.length === 0 && message === undefined) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="fehler-titel" tabIndex={-1}>
      <h2 id="fehler-titel">{s.errors.summary}</h2>
      <ul>
        {message !== undefined && <li>{message}</li>}
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldError({ id, error }: { id: string; error: StepInputError | undefined }) {
  if (error === undefined) return null;
  return (
    <span id={`${id}-error`} class="field-error">
      <span class="visually-hidden">{adminStrings.signIn.errorLabel} </span>
      {error.message}
    </span>
  );
}

function AngabeInput({ angabe, value, error }: { angabe: RolloutAngabe; value: string; error: StepInputError | undefined }) {
  const id = angabeField(angabe);
  const invalid = error === undefined ? {} : { 'aria-invalid': 'true' as const, class: 'field-invalid' };
  if (angabe.art === 'auswahl') {
    return (
      <fieldset id={id} aria-describedby={error === undefined ? undefined : `${id}-error`}>
        <legend>{angabe.titel}</legend>
        <FieldError id={id} error={error} />
        {angabe.optionen.map((option, i) => (
          <div class="choice" key={option}>
            <input type="radio" id={`${id}-${i}`} name={id} value={option} checked={value === option} />
            <label for={`${id}-${i}`}>{option}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  const hintId = `${id}-hint`;
  const describedBy = [angabe.art === 'datum' ? hintId : '', error === undefined ? '' : `${id}-error`].filter((part) => part !== '').join(' ');
  return (
    <div>
      <label for={id}>{angabe.titel}</label>
      {angabe.art === 'datum' && (
        <span id={hintId} class="hint">
          {s.dateHint}
        </span>
      )}
      <FieldError id={id} error={error} />
      <input id={id} name={id} type="text" value={value} {...(angabe.art === 'datum' ? { inputMode: 'numeric', size: 10 } : {})} aria-describedby={describedBy || undefined} {...invalid} />
    </div>
  );
}

export interface StepsProps {
  readonly action: string;
  readonly steps: readonly RolloutStep[];
  /** The step the Vorgang stands at as stored (null: the first step, never moved). */
  readonly stored: { readonly id: string; readonly titel: string } | null;
  readonly form: MoveForm | null;
  readonly csrfToken: string;
}

/** The move form: a GET form to pick the target, then the target's fields in a POST form. */
export function MoveVorgang({ action, steps, stored, form, csrfToken }: StepsProps) {
  if (steps.length === 0) return <p>{s.noSteps}</p>;
  const current = stored?.id ?? steps[0]?.id;
  const error = (field: string): StepInputError | undefined => form?.errors.find((e) => e.field === field);
  return (
    <section aria-labelledby="weiterfuehren">
      <h2 id="weiterfuehren">{s.moveHeading}</h2>
      <form method="get" action="#weiterfuehren" class="step-choice">
        <label for="schritt">{s.chooseStep}</label>
        <span id="schritt-hint" class="hint">
          {s.chooseStepHint}
        </span>
        <select id="schritt" name="schritt" aria-describedby="schritt-hint">
          {steps
            .filter((step) => step.id !== current)
            .map((step) => (
              <option key={step.id} value={step.id} selected={step.id === form?.target.id}>
                {step.titel}
              </option>
            ))}
        </select>{' '}
        <button type="submit" class="button button-secondary">
          {s.showFields}
        </button>
      </form>
      {form !== null && (
        <form method="post" action={action} noValidate>
          <CsrfField csrfToken={csrfToken} />
          <input type="hidden" name="von" value={stored?.id ?? ''} />
          <input type="hidden" name="nach" value={form.target.id} />
          {form.target.angaben.map((angabe) => (
            <AngabeInput key={angabe.id} angabe={angabe} value={form.values[angabeField(angabe)] ?? ''} error={error(angabeField(angabe))} />
          ))}
          <label for="notiz">{s.note}</label>
          <span id="notiz-hint" class="hint">
            {s.noteHint}
          </span>
          <FieldError id="notiz" error={error('notiz')} />
          <textarea id="notiz" name="notiz" rows={3} aria-describedby={error('notiz') === undefined ? 'notiz-hint' : 'notiz-hint notiz-error'}>
            {form.values['notiz'] ?? ''}
          </textarea>
          <p>
            <button type="submit" class="button">
              {fill(s.submit, { titel: form.target.titel })}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

/** The history, newest first, in its own scrolling region. */
export function History({ steps, history }: { steps: readonly RolloutStep[]; history: readonly VorgangChange[] }) {
  return (
    <section>
      <h2 id="verlauf">{s.history}</h2>
      {history.length === 0 ? (
        <p>{s.historyEmpty}</p>
      ) : (
        <ScrollTable labelledBy="verlauf" labels={[s.when, s.who, s.from, s.to, s.details, s.note]}>
          {history.map((change) => (
            <tr key={change.at + change.to.id}>
              <th scope="row" class="whole">
                {formatDate(change.at)}
              </th>
              <td class="whole">{change.account}</td>
              <td class="text">{change.from === null ? (steps[0]?.titel ?? '') : stepLabel(steps, change.from)}</td>
              <td class="text">{stepLabel(steps, change.to)}</td>
              <td class="text">
                <bdi>{change.angaben.map((angabe) => `${angabe.titel}: ${angabeText(angabe)}`).join('; ')}</bdi>
              </td>
              <td class="text">
                <bdi>{change.note}</bdi>
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
