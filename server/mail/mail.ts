/**
 * The notification e-mail for one submission (server/mail/outbox.ts sends it). The Message-ID is derived
 * from the submission (reference number and time of receipt), so a resend after a crash mid-send
 * carries the same ID and a receiving system can recognise the duplicate.
 */
import type Mail from 'nodemailer/lib/mailer/index.js';
import { encodeWord } from 'nodemailer/lib/mime-funcs/index.js';
import type { StoredFormView } from '../store/stored-forms.ts';
import type { StoredSubmission } from '../store/index.ts';
import { displayValue, fieldLabel, formatReceivedAt, singleLine } from '../export/format.ts';
import { escapeHtml } from '../../shared/lib/escape-html.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { serverStrings } from '../strings/server.ts';

const strings = serverStrings.mail;
const { reference: referenceLabel, receivedAt: receivedLabel } = adminStrings;
/** A Reply-To address as a header may carry it: no spaces, no line breaks, one @. */
const MAILBOX = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

export interface MailSettings {
  readonly from: string;
  readonly to: string;
  readonly portalName: string;
  /** Host part of Message-IDs. */
  readonly messageIdDomain: string;
}

/** The same for every attempt to send a submission's notification, and different for every submission. */
function messageIdOf(submission: Pick<StoredSubmission, 'reference' | 'receivedAt'>, domain: string): string {
  return `<${submission.reference}.${Date.parse(submission.receivedAt)}@${domain}>`;
}

/** The notification for one submission: every field as text and as escaped HTML. */
export function composeMail(form: StoredFormView, submission: StoredSubmission, settings: MailSettings): Mail.Options {
  const data = submission.data;
  const received = formatReceivedAt(submission.receivedAt);
  const subjectValue = singleLine(String(data[form.subjectField] ?? ''), 80);
  const subject = singleLine(`${form.submissionName}: ${subjectValue}`, 200);
  const rows = form.fields.map((field) => ({ label: fieldLabel(field), value: displayValue(field, data[field.name]) }));
  const intro = fill(strings.intro, { form: form.texts.pageTitle, portal: settings.portalName });
  // The address alone, without a display name: a name the sender wrote ("security@…" <them@…>,
  // right-to-left overrides, encoded words) could make the reply look like it went elsewhere.
  // The address passed the form's e-mail check; MAILBOX keeps anything else out of the header.
  const replyToValue = form.replyToField === undefined ? undefined : data[form.replyToField];
  const replyTo = typeof replyToValue === 'string' && MAILBOX.test(replyToValue) ? replyToValue : undefined;

  const text = [
    intro,
    '',
    `${referenceLabel}: ${submission.reference}`,
    `${receivedLabel}: ${received}`,
    '',
    ...rows.flatMap(({ label, value }) =>
      value.includes('\n') ? [`${label}:`, ...value.split(/\r?\n/).map((line) => `  ${line}`)] : [`${label}: ${value || '–'}`],
    ),
    '',
    replyTo === undefined ? strings.noReplyTo : strings.replyTo,
  ].join('\n');

  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(intro)}</p>
<table style="border-collapse: collapse">
<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top">${escapeHtml(referenceLabel)}</th><td style="padding: 4px 0">${escapeHtml(submission.reference)}</td></tr>
<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top">${escapeHtml(receivedLabel)}</th><td style="padding: 4px 0">${escapeHtml(received)}</td></tr>
${rows
  .map(
    ({ label, value }) =>
      `<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top">${escapeHtml(label)}</th><td style="padding: 4px 0; white-space: pre-wrap">${escapeHtml(value || '–')}</td></tr>`,
  )
  .join('\n')}
</table>
</body></html>`;

  const message: Mail.Options = {
    from: settings.from,
    to: settings.to,
    text,
    html,
    messageId: messageIdOf(submission, settings.messageIdDomain),
    headers: { 'X-Portal-Form': form.name, 'X-Portal-Reference': submission.reference },
  };
  // nodemailer leaves an ASCII subject as it is, so a Behörde written as an encoded word
  // ("=?utf-8?B?…?=") would be decoded by the mail client into text of the sender's choosing (a
  // line break and "Bcc:", another name). Whenever it holds "=?", the whole subject is encoded
  // (RFC 2047, quoted-printable words of at most 52 characters): the client shows it as typed.
  if (subject.includes('=?')) message.headers = { ...message.headers, Subject: { prepared: true, foldLines: true, value: encodeWord(subject, 'Q', 52) } };
  else message.subject = subject;
  if (replyTo !== undefined) message.replyTo = { name: '', address: replyTo };
  return message;
}
