/**
 * A phone number as editors write it ("0231 222438-0", "+49 (0) 231 222438-0") shown so that it
 * never breaks across lines (non-breaking space and non-breaking hyphen, which html-validate's
 * `tel-non-breaking` asks for) and dialled from a `tel:` link with its digits only.
 */

const NO_BREAK_SPACE = '\u00a0';
const NO_BREAK_HYPHEN = '\u2011';

export interface PhoneNumber {
  /** The number as written, with every space and hyphen made non-breaking. */
  readonly text: string;
  /** `tel:` and the digits, with a leading + kept; "(0)" after a country code is not dialled. */
  readonly href: string;
}

/** The display text and `tel:` link of a phone number written in any usual way. */
export function phoneNumber(written: string): PhoneNumber {
  const text = written
    .trim()
    .replace(/\s+/g, NO_BREAK_SPACE)
    .replace(/[-\u2010]/g, NO_BREAK_HYPHEN);
  const dialled = written.trim().replace(/^(\+\d+)\s*\(0\)/, '$1');
  const digits = dialled.replace(/\D/g, '');
  if (digits === '') throw new Error(`„${written}“ ist keine Telefonnummer: Sie enthält keine Ziffer.`);
  return { text, href: `tel:${dialled.startsWith('+') ? '+' : ''}${digits}` };
}
