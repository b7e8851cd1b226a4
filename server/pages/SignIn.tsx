/**
 * The sign-in page of the admin area (GET and POST /admin/anmelden), after GOV.UK: labelled fields,
 * an error summary with links to the fields, each error at its field (aria-describedby), the title
 * prefixed „Fehler: “. A plain form post: it works without JavaScript.
 */
import { adminStrings } from '../../shared/strings/admin.ts';
import type { PageRenderer } from './render.tsx';

const s = adminStrings.signIn;

export interface SignInErrors {
  readonly name?: string;
  readonly password?: string;
}

function Field({ id, label, type, value, error, autocomplete }: { id: string; label: string; type: string; value: string; error: string | undefined; autocomplete: string }) {
  return (
    <div>
      <label for={id}>{label}</label>
      {error !== undefined && (
        <span id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{s.errorLabel} </span>
          {error}
        </span>
      )}
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
        spellcheck={false}
        autocapitalize="none"
        required
        class={error === undefined ? undefined : 'field-invalid'}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
      />
    </div>
  );
}

/** The sign-in page; with `errors` the form as sent (the name kept, never the password). */
export function signInPage(renderer: PageRenderer, name = '', errors: SignInErrors = {}): string {
  const problems = (['name', 'password'] as const).flatMap((field) => (errors[field] === undefined ? [] : [[field, errors[field]] as const]));
  const title = problems.length > 0 ? `${s.errorPrefix}${s.title}` : s.title;
  return renderer.admin(
    title,
    <>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="fehler-titel" tabIndex={-1}>
          <h2 id="fehler-titel">{s.errorSummary}</h2>
          <ul>
            {problems.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <form method="post" action="/admin/anmelden" noValidate>
        <Field id="name" label={s.name} type="text" value={name} error={errors.name} autocomplete="username" />
        <Field id="password" label={s.password} type="password" value="" error={errors.password} autocomplete="current-password" />
        <p>
          <button type="submit" class="button">
            {s.submit}
          </button>
        </p>
      </form>
    </>,
    null,
  );
}
