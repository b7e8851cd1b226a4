/**
 * The few HTML pages the server itself writes, in German and without JavaScript: the error page
 * of a plain form post (it shows the errors and the visitor's input in a form that can be sent
 * again, so nothing typed is lost) and a simple message page. Every value is escaped.
 */
import type { FieldDefinition, FieldError, FormDefinition } from '../src/forms/index.ts';
import { HONEYPOT_FIELD, mailtoWithInput, NEXT_FIELD } from '../src/forms/index.ts';
import { displayValue, escapeHtml as e, fieldLabel } from './format.ts';

export interface PageContext {
  readonly portalName: string;
  readonly postfach: string;
}

const styles = `
  body { font-family: "Fira Sans", system-ui, sans-serif; line-height: 1.5; color: #171a1f; margin: 0; }
  main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  header { background: #0b4f8a; color: #fff; padding: .75rem 1rem; }
  header a { color: #fff; }
  a { color: #0b4f8a; }
  a:focus, input:focus, textarea:focus, button:focus { outline: 3px solid #ffbf47; outline-offset: 0; }
  .summary { border: 4px solid #c3002f; padding: 1rem 1.25rem; margin: 1rem 0 2rem; }
  .summary h2 { margin-top: 0; font-size: 1.25rem; }
  .summary a { color: #c3002f; font-weight: 600; }
  .field { margin: 0 0 1.5rem; }
  .field.invalid { border-left: 5px solid #c3002f; padding-left: .75rem; }
  label, legend { display: block; font-weight: 600; }
  .hint { color: #4a4f57; margin: .125rem 0 .25rem; }
  .error { color: #c3002f; font-weight: 600; margin: .125rem 0 .25rem; }
  input[type=text], input[type=email], input[type=tel], textarea { font: inherit; width: 100%; max-width: 30rem; box-sizing: border-box; padding: .375rem; border: 2px solid #171a1f; }
  .invalid input[type=text], .invalid input[type=email], .invalid input[type=tel], .invalid textarea { border-color: #c3002f; }
  textarea { min-height: 8rem; max-width: 100%; }
  fieldset { border: 0; padding: 0; margin: 0; }
  .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .375rem 0; }
  .choice label { font-weight: 400; }
  .choice input { width: 1.25rem; height: 1.25rem; margin-top: .125rem; }
  button { font: inherit; font-weight: 600; background: #0b4f8a; color: #fff; border: 0; padding: .625rem 1.25rem; cursor: pointer; }
  .vh { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
  .hp { display: none; }
`;

export function pageShell(context: PageContext, title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)} – ${e(context.portalName)}</title>
<style>${styles}</style>
</head>
<body>
<header><a href="/">${e(context.portalName)}</a></header>
<main id="inhalt">
${body}
</main>
</body>
</html>
`;
}

/** The first text of a raw value, for putting it back into an input. */
function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return '';
}

function rawList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The id the error summary links to: the input, or the first box of a group. */
export function fieldAnchor(field: FieldDefinition): string {
  return field.type === 'checkboxes' ? `${field.name}-1` : field.name;
}

function describedBy(field: FieldDefinition, error: FieldError | undefined): string {
  const ids = [field.hint === undefined ? '' : `${field.name}-hint`, error === undefined ? '' : `${field.name}-error`].filter((id) => id !== '');
  return ids.length === 0 ? '' : ` aria-describedby="${ids.join(' ')}"`;
}

function hint(field: FieldDefinition): string {
  return field.hint === undefined ? '' : `<div class="hint" id="${e(field.name)}-hint">${e(field.hint)}</div>`;
}

function errorLine(field: FieldDefinition, error: FieldError | undefined): string {
  return error === undefined ? '' : `<p class="error" id="${e(field.name)}-error"><span class="vh">Fehler:</span> ${e(error.message)}</p>`;
}

function renderField(field: FieldDefinition, raw: unknown, error: FieldError | undefined): string {
  const name = e(field.name);
  const invalid = error === undefined ? '' : ' aria-invalid="true"';
  const required = field.required ? ' required' : '';
  const cls = `field${error === undefined ? '' : ' invalid'}`;
  switch (field.type) {
    case 'checkboxes': {
      const chosen = new Set(rawList(raw));
      const boxes = (field.options ?? [])
        .map(
          (option, index) =>
            `<div class="choice"><input type="checkbox" id="${name}-${index + 1}" name="${name}" value="${e(option)}"${chosen.has(option) ? ' checked' : ''}><label for="${name}-${index + 1}">${e(option)}</label></div>`,
        )
        .join('\n');
      return `<div class="${cls}"><fieldset${describedBy(field, error)}><legend>${e(field.label)}</legend>${hint(field)}${errorLine(field, error)}
${boxes}
</fieldset></div>`;
    }
    case 'consent': {
      const checked = raw === true || ['on', 'true', '1', 'ja'].includes(rawText(raw)) ? ' checked' : '';
      return `<div class="${cls}">${hint(field)}${errorLine(field, error)}<div class="choice"><input type="checkbox" id="${name}" name="${name}" value="on"${checked}${required}${invalid}${describedBy(field, error)}><label for="${name}">${e(field.label)}</label></div></div>`;
    }
    case 'textarea':
      return `<div class="${cls}"><label for="${name}">${e(field.label)}</label>${hint(field)}${errorLine(field, error)}<textarea id="${name}" name="${name}" rows="8"${required}${invalid}${describedBy(field, error)}>${e(rawText(raw))}</textarea></div>`;
    default: {
      // A month stays a text box here, so that whatever the visitor typed comes back unchanged.
      const type = field.type === 'email' || field.type === 'tel' ? field.type : 'text';
      const autocomplete = field.autocomplete === undefined ? '' : ` autocomplete="${e(field.autocomplete)}"`;
      const inputmode = field.inputmode === undefined ? '' : ` inputmode="${e(field.inputmode)}"`;
      return `<div class="${cls}"><label for="${name}">${e(field.label)}</label>${hint(field)}${errorLine(field, error)}<input type="${type}" id="${name}" name="${name}" value="${e(rawText(raw))}"${autocomplete}${inputmode}${required}${invalid}${describedBy(field, error)}></div>`;
    }
  }
}

export interface FormErrorPage {
  readonly form: FormDefinition;
  /** Where the form posts again (the same endpoint). */
  readonly action: string;
  /** The raw submitted values. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly errors: readonly FieldError[];
  /** An error that concerns the whole form (e. g. too many submissions). */
  readonly formMessage?: string;
}

/** The page a plain form post gets on an error: the errors, and the input ready to send again. */
export function renderFormErrorPage(context: PageContext, page: FormErrorPage): string {
  const { form, raw, errors } = page;
  const byField = new Map(errors.map((error) => [error.field, error]));
  const summaryItems = [
    ...(page.formMessage === undefined ? [] : [`<li>${e(page.formMessage)}</li>`]),
    ...form.fields.flatMap((field) => {
      const error = byField.get(field.name);
      return error === undefined ? [] : [`<li><a href="#${e(fieldAnchor(field))}">${e(error.message)}</a></li>`];
    }),
  ];
  const next = typeof raw[NEXT_FIELD] === 'string' ? `<input type="hidden" name="${NEXT_FIELD}" value="${e(raw[NEXT_FIELD])}">` : '';
  const body = `<div class="summary" role="alert" aria-labelledby="fehler-titel" tabindex="-1">
<h2 id="fehler-titel">Es gibt ein Problem</h2>
<ul>
${summaryItems.join('\n')}
</ul>
</div>
<h1>${e(form.title)}</h1>
<p>Ihre Angaben sind noch da. Korrigieren Sie die markierten Felder und senden Sie das Formular erneut.</p>
<form action="${e(page.action)}" method="post" novalidate>
${form.fields.map((field) => renderField(field, raw[field.name], byField.get(field.name))).join('\n')}
<div class="hp" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Dieses Feld bitte leer lassen</label><input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
${next}
<button type="submit">Erneut senden</button>
</form>
<p>Falls das Senden nicht klappt, schreiben Sie uns eine E-Mail an <a href="${e(mailtoWithInput(context.postfach, form, raw))}">${e(context.postfach)}</a>; Ihre Angaben sind in der E-Mail schon eingetragen.</p>
<p><a href="${e(form.path)}">Zurück zum leeren Formular</a></p>`;
  return pageShell(context, `Fehler: ${form.title}`, body);
}

/** A simple page with a heading and some paragraphs (already escaped HTML allowed in `htmlParagraphs`). */
export function renderMessagePage(context: PageContext, title: string, paragraphs: readonly string[]): string {
  const body = `<h1>${e(title)}</h1>
${paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
<p>Ihre Eingaben sind nicht verloren: Gehen Sie mit der Zurück-Funktion Ihres Browsers zum Formular zurück. Sie können uns auch eine E-Mail an <a href="mailto:${e(context.postfach)}">${e(context.postfach)}</a> schreiben.</p>
<p><a href="/">Zur Startseite</a></p>`;
  return pageShell(context, title, body);
}

/** The admin overview: one table per form, every value escaped. */
/** Which page of the admin list is shown (page numbers start at 1). */
export interface AdminPaging {
  readonly page: number;
  readonly hasOlder: boolean;
}

export function renderAdminPage(
  context: PageContext,
  sections: readonly {
    form: FormDefinition;
    /** Submissions of the form in total (the list shows one page of them). */
    total: number;
    submissions: readonly { reference: string; receivedAt: string; data: Readonly<Record<string, unknown>> }[];
    spam: number;
  }[],
  outbox: { readonly pending: number; readonly oldestPendingAt: string | null },
  formatDate: (iso: string) => string,
  paging: AdminPaging,
): string {
  const nav = [
    paging.page > 1 ? `<a href="/admin/?seite=${paging.page - 1}">Neuere Einsendungen</a>` : '',
    paging.hasOlder ? `<a href="/admin/?seite=${paging.page + 1}">Ältere Einsendungen</a>` : '',
  ].filter((link) => link !== '');
  const navigation = nav.length === 0 ? '' : `<nav aria-label="Seiten"><p>Seite ${paging.page} · ${nav.join(' · ')}</p></nav>`;
  const body = `<h1>Einsendungen</h1>
<p>${outbox.pending === 0 ? 'Alle Benachrichtigungen sind versendet.' : `${outbox.pending} Benachrichtigung(en) warten im Ausgang auf den Versand${outbox.oldestPendingAt === null ? '' : `, die älteste seit ${e(formatDate(outbox.oldestPendingAt))}`}.`}</p>
${navigation}
${sections
  .map(({ form, total, submissions, spam }) => {
    const head = ['Vorgangsnummer', 'Eingegangen', ...form.fields.map(fieldLabel)].map((h) => `<th scope="col">${e(h)}</th>`).join('');
    const rows = submissions
      .map(
        (s) =>
          `<tr><th scope="row">${e(s.reference)}</th><td>${e(formatDate(s.receivedAt))}</td>${form.fields
            .map((field) => `<td>${e(displayValue(field, s.data[field.name]))}</td>`)
            .join('')}</tr>`,
      )
      .join('\n');
    return `<section aria-labelledby="form-${e(form.name)}">
<h2 id="form-${e(form.name)}">${e(form.title)} (${total})</h2>
<p><a href="/admin/${e(form.name)}.csv" download>Als CSV herunterladen</a>${spam > 0 ? ` · ${spam} Einsendung(en) als Spam erkannt (nicht aufgeführt)` : ''}</p>
${submissions.length === 0 ? `<p>${total === 0 ? 'Noch keine Einsendungen.' : 'Auf dieser Seite keine Einsendungen.'}</p>` : `<div style="overflow-x: auto"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div>`}
</section>`;
  })
  .join('\n')}
${navigation}`;
  return pageShell(context, 'Einsendungen', body).replace(
    '</style>',
    ' main { max-width: none; } table { border-collapse: collapse; } th, td { border: 1px solid #c8ccd2; padding: .25rem .5rem; text-align: left; vertical-align: top; white-space: pre-wrap; }</style>',
  );
}
