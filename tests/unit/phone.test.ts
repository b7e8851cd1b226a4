/** Phone numbers as editors write them, shown unbreakable and dialled by their digits. */
import { describe, expect, it } from 'vitest';
import { phoneNumber } from '../../src/lib/phone.ts';

const NBSP = '\u00a0';
const NBHY = '\u2011';

describe('phone numbers', () => {
  it('shows the number as written, with non-breaking spaces and hyphens, and links its digits', () => {
    expect(phoneNumber('0231 222438-0')).toEqual({ text: `0231${NBSP}222438${NBHY}0`, href: 'tel:02312224380' });
  });

  it('keeps a leading +, drops the (0) after the country code from the link, and collapses runs of spaces', () => {
    expect(phoneNumber('  +49 (0) 231   222438-0 ')).toEqual({ text: `+49${NBSP}(0)${NBSP}231${NBSP}222438${NBHY}0`, href: 'tel:+492312224380' });
    expect(phoneNumber('+49 231 0000-0').href).toBe('tel:+4923100000');
  });

  it('takes the other ways people write numbers: slashes, brackets, typographic hyphens, numbers already unbreakable', () => {
    expect(phoneNumber('(0231) 222438‐0')).toEqual({ text: `(0231)${NBSP}222438${NBHY}0`, href: 'tel:02312224380' });
    expect(phoneNumber('0231/222438-0')).toEqual({ text: `0231/222438${NBHY}0`, href: 'tel:02312224380' });
    expect(phoneNumber(`0231${NBSP}222438${NBHY}0`)).toEqual({ text: `0231${NBSP}222438${NBHY}0`, href: 'tel:02312224380' });
  });

  it('leaves no breaking space or hyphen in the text, whatever was typed', () => {
    for (const written of ['0231 222438-0', '0231 - 222438 - 0', '+49 231 22 24 38-0', '0 2 3 1-2']) {
      expect(phoneNumber(written).text, written).not.toMatch(/[ \-\u2010\t]/);
    }
  });

  it('refuses a text without digits', () => {
    expect(() => phoneNumber('folgt')).toThrow('„folgt“ ist keine Telefonnummer');
  });
});
