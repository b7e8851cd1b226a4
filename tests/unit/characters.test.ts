import { describe, expect, it } from 'vitest';
import { hasInvisibleCharacters, hasNonTextCharacters, writableText } from '../../shared/lib/characters.ts';

describe('characters that are not text', () => {
  it('finds controls, lone surrogates and every kind of noncharacter, and nothing in ordinary text', () => {
    for (const text of ['a\u0000b', 'a\u000bb', 'x\u007f', 'a\ud800b', 'x\udc00', '\ufffe', '\uffff', '\ufdd0', '\ufdef', '\u{1fffe}', '\u{10ffff}']) {
      expect(hasNonTextCharacters(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['Münster\tHamm\r\nUnna', 'Stadt 🏛️ 𝔇𝔬𝔯𝔱', 'بلدية', '\ufffd', '\ufdcf\ufdf0', 'Z\u0351a\u0300']) {
      expect(hasNonTextCharacters(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('finds invisible and direction characters of every named range', () => {
    for (const code of [0x200b, 0x200f, 0x202a, 0x202e, 0x2060, 0x2064, 0x2066, 0x2069, 0xfeff]) {
      expect(hasInvisibleCharacters(`a${String.fromCodePoint(code)}b`), code.toString(16)).toBe(true);
    }
    for (const code of [0x200a, 0x2010, 0x2065, 0x206a, 0x00ad]) expect(hasInvisibleCharacters(`a${String.fromCodePoint(code)}b`), code.toString(16)).toBe(false);
  });

  it('replaces what is not text with U+FFFD and keeps everything else, pairs of surrogates too', () => {
    expect(writableText('Stadt\ufffeHamm\uffff \ud800 x\udc00 \u0000')).toBe('Stadt\ufffdHamm\ufffd \ufffd x\ufffd \ufffd');
    expect(writableText('Zeile 1\r\nZeile\t2 🏛️ \u202e')).toBe('Zeile 1\r\nZeile\t2 🏛️ \u202e');
  });
});
