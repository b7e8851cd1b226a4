/**
 * Hostile values, one table (tests/server/hostile-harness.ts runs it): e-mail addresses, line
 * breaks, the honeypot, `_next`, markup, spreadsheet formulas and Unicode, each followed through
 * storage, the admin page, the CSV export and the mail. One table rather than many tests: every
 * case is the same request-and-check, so a new attack is one row.
 */
import { expect } from 'vitest';
import { csvCell, errors, hostileInput, intact, intactAs, nothing, roundTrip, stored, success, thankYou, withFields, type Case } from './hostile-harness.ts';
import { decodeHtml, formPost, interesse, interesseOptions, SITE, urlencoded, validInteresse } from './helpers.ts';

const controlMessage = (label: string) => `Das Feld „${label}“ enthält unsichtbare Steuerzeichen. Tippen Sie den Text neu ein, statt ihn einzufügen`;
const labelOf = (name: string): string => {
  const field = interesse.fields.find((f) => f.name === name);
  return field?.shortLabel ?? field?.label ?? name;
};
const invisibleMessage = (label: string) =>
  `Das Feld „${label}“ enthält unsichtbare Zeichen oder Zeichen, die die Schreibrichtung ändern. Tippen Sie die Angabe neu ein, statt sie einzufügen`;
/** An encoded word that mail clients decode to "Stadt Evil", a line break and "Bcc: a@evil.example". */
const encodedWord = '=?utf-8?B?U3RhZHQgRXZpbA0KQmNjOiBhQGV2aWwuZXhhbXBsZQ==?=';
const xssScript = '<script>alert(document.cookie)</script>';
const xssImg = '<img src=x onerror=alert(1)>';
const xssSvg = '"><svg/onload=alert(1)>';

const cases: Case[] = [
  // ── e-mail addresses ───────────────────────────────────────────────────────────────────────
  withFields('e-mail a@b', { email: 'a@b' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('two e-mail addresses', { email: 'a@stadt.de, b@stadt.de' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('e-mail with CRLF and Bcc:', { email: 'a@stadt.de\r\nBcc: opfer@example.org' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('e-mail of 320 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(252)}.de` }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('e-mail with a display name', { email: 'Eve <eve@example.org>' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  // Internationalised addresses are refused with the format message (the schema accepts ASCII
  // addresses only); the punycode spelling of the same domain is accepted.
  withFields('IDN e-mail in Unicode', { email: 'info@bücherei-münster.de' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('IDN e-mail in punycode', { email: 'info@xn--bcherei-mnster-9ob0g.de' }, 200, success, stored(), async ({ mail }) => {
    // The header line as sent: mailparser shows the address's domain decoded from punycode.
    expect((await mail()).headerLines.find((h) => h.key === 'reply-to')?.line).toBe('Reply-To: info@xn--bcherei-mnster-9ob0g.de');
  }),
  // ── one line per single-line field; the Nachricht keeps its lines; no consent field any more ──
  ...[
    ['behoerde', 'Stadt\rDortmund'],
    ['ansprechperson', 'Erika\u2028Mustermann'],
    ['funktion', 'Leitung\u0085IT'],
    ['telefon', '0231\n123456'],
    ['ags', '05913\r\n000'],
    ['start', '03.\n2027'],
  ].map(([field = '', value]) => withFields(`a line break in ${field}`, { [field]: value }, 422, errors({ field, code: 'TYPE_TEXT' }), nothing)),
  withFields('line breaks in the Nachricht', { nachricht: 'Zeile 1\r\nZeile 2\u2028Zeile 3' }, 200, success, stored(), ({ saved }) =>
    expect(saved?.data['nachricht']).toBe('Zeile 1\r\nZeile 2\u2028Zeile 3'),
  ),
  withFields('a "datenschutz" value (the consent box is gone)', { datenschutz: 'on' }, 200, success, stored(), ({ saved }) =>
    expect(saved?.data).not.toHaveProperty('datenschutz'),
  ),
  // ── honeypot ───────────────────────────────────────────────────────────────────────────────
  withFields('honeypot filled', { _gotcha: 'https://spam.example' }, 200, success, { stored: 0, spam: 1 }),
  withFields('honeypot empty', { _gotcha: '' }, 200, success, stored()),
  {
    name: 'honeypot filled, plain form post with invalid data',
    req: { headers: formPost, body: urlencoded({ behoerde: 'x', _gotcha: 'spam' }) },
    status: 303,
    reply: { kind: 'redirect', to: thankYou },
    effect: { stored: 0, spam: 1 },
  },
  // ── _next (plain form posts) ───────────────────────────────────────────────────────────────
  ...['https://evil.example/phish', '//evil.example/x', '/\\evil.example/x', 'javascript:alert(1)', 'http://127.0.0.1:4321@evil.example/'].map(
    (next): Case => ({
      name: `_next ${next}`,
      req: { headers: formPost, body: urlencoded(validInteresse({ _next: next })) },
      status: 303,
      reply: { kind: 'redirect', to: thankYou },
      effect: stored(),
    }),
  ),
  {
    name: '_next with CRLF and a header',
    req: { headers: formPost, body: urlencoded(validInteresse({ _next: `${interesse.thankYouPath}\r\nSet-Cookie: sitzung=geklaut` })) },
    status: 303,
    reply: { kind: 'redirect', to: new RegExp(`^${SITE.replace(/\./g, '\\.')}${interesse.thankYouPath}[^\\r\\n]*ref=KV-`) },
    effect: stored(),
    then: ({ reply }) => expect(reply.headers['set-cookie']).toBeUndefined(),
  },
  {
    name: '_next to another origin from a JSON client',
    req: { body: validInteresse({ _next: 'https://evil.example/' }) },
    status: 200,
    reply: success,
    effect: stored(),
    then: ({ reply }) => expect(JSON.parse(reply.text).next).toMatch(thankYou),
  },
  // ── markup: stored verbatim, escaped in admin page and e-mail ─────────────────────────────
  withFields('<script> in Behörde', { behoerde: xssScript }, 200, success, stored(), roundTrip('behoerde', xssScript)),
  withFields('<img onerror> in Nachricht', { nachricht: xssImg }, 200, success, stored(), roundTrip('nachricht', xssImg)),
  withFields('"><svg/onload> in Ansprechperson (the Reply-To carries no name)', { ansprechperson: xssSvg }, 200, success, stored(), async (ctx) => {
    await roundTrip('ansprechperson', xssSvg)!(ctx);
    expect((await ctx.mail()).replyTo?.text).toContain('erika.mustermann@stadt.de');
  }),
  {
    name: 'markup in an invalid plain form post comes back escaped',
    req: { headers: formPost, body: urlencoded(validInteresse({ email: xssSvg, nachricht: xssScript })) },
    status: 422,
    reply: { kind: 'html', contains: ['Es gibt ein Problem'] },
    effect: nothing,
    then: ({ reply }) => {
      expect(decodeHtml(reply.text)).toContain(`value="${xssSvg}"`);
      expect(decodeHtml(reply.text)).toContain(`${xssScript}</textarea>`);
      expect(reply.text).not.toContain(xssScript);
      expect(reply.text).not.toContain('<svg');
    },
  },
  // ── CSV formulas ───────────────────────────────────────────────────────────────────────────
  withFields('=HYPERLINK formula', { behoerde: '=HYPERLINK("https://evil.example","klick")' }, 200, success, stored(),
    csvCell('behoerde', '=HYPERLINK("https://evil.example","klick")', `;"'=HYPERLINK(""https://evil.example"",""klick"")";`)),
  withFields('+1 formula', { behoerde: '+1' }, 200, success, stored(), csvCell('behoerde', '+1', ";'+1;")),
  withFields('-2+3 formula', { behoerde: '-2+3' }, 200, success, stored(), csvCell('behoerde', '-2+3', ";'-2+3;")),
  withFields('@SUM(1) formula', { funktion: '@SUM(1)' }, 200, success, stored(), csvCell('funktion', '@SUM(1)', ";'@SUM(1);")),
  withFields('formula after a leading TAB (trimmed, then neutralised)', { behoerde: '\t=1+1' }, 200, success, stored(), csvCell('behoerde', '=1+1', ";'=1+1;")),
  withFields('formula after a leading CR (trimmed, then neutralised)', { behoerde: '\r=cmd|"/c calc"!A1' }, 200, success, stored(),
    csvCell('behoerde', '=cmd|"/c calc"!A1', `;"'=cmd|""/c calc""!A1";`)),
  // ── unicode ────────────────────────────────────────────────────────────────────────────────
  withFields('NUL in Behörde', { behoerde: 'Stadt\u0000Dortmund' }, 422, errors({ field: 'behoerde', code: 'TYPE_TEXT' }), nothing, ({ reply }) =>
    expect(JSON.parse(reply.text).errors[0].message).toBe(controlMessage('Behörde'))),
  withFields('other control characters (ESC, DEL) in Nachricht', { nachricht: 'Hallo\u001b[31m rot\u007f' }, 422, errors({ field: 'nachricht', code: 'TYPE_TEXT' }), nothing, ({ reply }) =>
    expect(JSON.parse(reply.text).errors[0].message).toBe(controlMessage('Nachricht'))),
  {
    name: 'lone surrogate (\\ud800) in Ansprechperson',
    req: { body: JSON.stringify(validInteresse({ ansprechperson: 'PLACEHOLDER' })).replace('PLACEHOLDER', 'Erika \\ud800 Muster') },
    status: 422,
    reply: errors({ field: 'ansprechperson', code: 'TYPE_TEXT' }),
    effect: nothing,
  },
  // Invisible and direction characters: refused in one-line fields (they could make one Behörde
  // look like another in the subject, the admin list and the export), kept in the Nachricht.
  ...(
    [
      ['behoerde', 'Stadt \u202Etxt.exe', 'right-to-left override U+202E'],
      ['behoerde', 'Stadt\u200B Dortmund', 'zero-width space U+200B'],
      ['ansprechperson', 'Erika\u200FMustermann', 'right-to-left mark U+200F'],
      ['funktion', 'Leitung \u202AIT\u202C', 'left-to-right embedding U+202A … U+202C'],
      ['behoerde', 'Dort\u2060mund', 'word joiner U+2060'],
      ['telefon', '0231\u2064123456', 'invisible plus U+2064'],
      ['behoerde', 'Stadt \u2067Hamm\u2069', 'right-to-left isolate U+2067 … U+2069'],
      ['ansprechperson', 'Erika\uFEFFMustermann', 'zero-width no-break space U+FEFF inside a value'],
    ] as const
  ).map(([field, value, what]) =>
    withFields(`${what} in ${field}`, { [field]: value }, 422, errors({ field, code: 'TYPE_TEXT' }), nothing, ({ reply }) =>
      expect(JSON.parse(reply.text).errors[0].message).toBe(invisibleMessage(labelOf(field))),
    ),
  ),
  withFields('zero-width joiner in an emoji in the Nachricht (kept)', { nachricht: 'Team 👩\u200D💻 \u200Bda' }, 200, success, stored(), intact('nachricht', 'Team 👩\u200D💻 \u200Bda')),
  // Noncharacters and what XML 1.0 forbids: refused everywhere (one in sharedStrings.xml damaged the XLSX file).
  ...(
    [
      ['behoerde', 'Stadt\uFFFEHamm', 'U+FFFE'],
      ['nachricht', 'Hallo\uFFFF', 'U+FFFF'],
      ['funktion', 'IT\uFDD0', 'U+FDD0'],
      ['nachricht', 'Ende \uFDEF', 'U+FDEF'],
      ['nachricht', 'Plane 1 \u{1FFFE}', 'U+1FFFE'],
      ['nachricht', 'Seite\u000Cumbruch \u000B', 'form feed and vertical tab'],
    ] as const
  ).map(([field, value, what]) => withFields(`noncharacter or control ${what} in ${field}`, { [field]: value }, 422, errors({ field, code: 'TYPE_TEXT' }), nothing)),
  {
    name: 'lone low surrogate (\\udc00) in the Nachricht',
    req: { body: JSON.stringify(validInteresse({ nachricht: 'PLACEHOLDER' })).replace('PLACEHOLDER', 'Text \\udc00 Ende') },
    status: 422,
    reply: errors({ field: 'nachricht', code: 'TYPE_TEXT' }),
    effect: nothing,
  },
  // An encoded word in the subject field is mailed encoded: the client shows it as typed.
  withFields('encoded word (=?utf-8?B?…?=) in Behörde, the mail subject', { behoerde: encodedWord }, 200, success, stored(), async (ctx) => {
    await roundTrip('behoerde', encodedWord)!(ctx);
    const m = await ctx.mail();
    expect(m.subject).toContain(encodedWord);
    expect(m.subject).not.toMatch(/Bcc|Evil/);
    expect(m.headers.get('bcc')).toBeUndefined();
    expect(m.headerLines.find((h) => h.key === 'subject')?.line).not.toContain(encodedWord);
  }),
  withFields('stacked combining characters (stored as NFC)', { behoerde: 'Z\u0351\u0352\u0353a\u0300\u0301\u0302lgo' }, 200, success, stored(), intactAs('behoerde', 'Z\u0351\u0352\u0353a\u0300\u0301\u0302lgo'.normalize('NFC'))),
  withFields('NFC spelling kept as sent', { behoerde: 'M\u00fcnster' }, 200, success, stored(), intact('behoerde', 'M\u00fcnster')),
  withFields('NFD spelling stored as NFC', { behoerde: 'Mu\u0308nster' }, 200, success, stored(), intactAs('behoerde', 'M\u00fcnster')),
  withFields('NFD in the Nachricht stored as NFC', { nachricht: 'Gru\u0308\u00dfe aus Lu\u0308nen' }, 200, success, stored(), intactAs('nachricht', 'Gr\u00fc\u00dfe aus L\u00fcnen')),
  withFields('NFD choice matches its option', { antragsstrecken: [interesseOptions[0]!.normalize('NFD')] }, 200, success, stored(), ({ saved }) =>
    expect(saved?.data['antragsstrecken']).toEqual([interesseOptions[0]!.normalize('NFC')])),
  withFields('right-to-left script in Behörde is isolated in the admin list', { behoerde: 'בלדיה عمان' }, 200, success, stored(), async (ctx) => {
    await intact('behoerde', 'בלדיה عمان')!(ctx);
    expect(await ctx.admin()).toContain('<bdi>בלדיה عمان</bdi>');
  }),
  withFields('4-byte characters (emoji, mathematical letters)', { behoerde: 'Stadt 🏛️ 𝔇𝔬𝔯𝔱𝔪𝔲𝔫𝔡' }, 200, success, stored(), intact('behoerde', 'Stadt 🏛️ 𝔇𝔬𝔯𝔱𝔪𝔲𝔫𝔡')),
  withFields('byte order mark before a value (trimmed)', { behoerde: '\uFEFFStadt Hamm' }, 200, success, stored(), ({ saved }) => expect(saved?.data['behoerde']).toBe('Stadt Hamm')),
  { name: 'byte order mark before the JSON body', req: { body: `\uFEFF${JSON.stringify(validInteresse())}` }, status: 200, reply: success, effect: stored() },
];

hostileInput('hostile values', cases, 64);
