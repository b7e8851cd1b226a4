/**
 * Characters that are not text, in one place for the form schemas (shared/forms/fields.ts, browser
 * and server alike) and for everything that writes stored text out again (export, mail, admin).
 */

/**
 * C0 control characters other than TAB, LF and CR, and DEL: nobody types them, and NUL and friends
 * break e-mail, CSV and HTML (XML 1.0 forbids all of them but DEL).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A UTF-16 half without its partner: it cannot be written as UTF-8 (nor in XML) at all. With the
 * `u` flag a pair is one code point, so the range matches only halves that stand alone.
 */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
 * U+1FFFE …). U+FFFE and U+FFFF are forbidden in XML 1.0: one of them in sharedStrings.xml makes
 * a spreadsheet call the whole XLSX file damaged.
 */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;

/**
 * Invisible characters and direction controls: zero-width space, joiners and marks (U+200B–U+200F),
 * embeddings and overrides (U+202A–U+202E), word joiner and invisible operators (U+2060–U+2064),
 * isolates (U+2066–U+2069) and the zero-width no-break space (U+FEFF). In a name or an address
 * they only serve to make one text look like another.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** True when a text holds a character no field accepts: controls, lone surrogates, noncharacters. */
export function hasNonTextCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text) || LONE_SURROGATE.test(text) || NONCHARACTER.test(text);
}

/** True when a text holds an invisible or direction character (refused in one-line fields). */
export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

const NOT_WRITABLE = new RegExp(`${CONTROL_CHARACTER.source}|${LONE_SURROGATE.source}|${NONCHARACTER.source}`, 'gu');

/**
 * A text with every character that `hasNonTextCharacters` finds replaced by U+FFFD: what the export
 * and the mail write, so a row stored before the forms refused such characters still gives a file
 * every program opens.
 */
export function writableText(text: string): string {
  return text.replace(NOT_WRITABLE, '\ufffd');
}
