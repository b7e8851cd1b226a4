/** German terms in English and Ukrainian text get parts of their own (marked lang="de" on the page). */
import { describe, expect, it } from 'vitest';
import { germanTermParts } from '../../src/lib/german-terms.ts';

const marked = (text: string, terms: string[]) =>
  germanTermParts(text, terms)
    .map((part) => (part.german ? `[${part.text}]` : part.text))
    .join('');

describe('German terms in other languages', () => {
  it('marks every whole-word occurrence, in English and in Ukrainian', () => {
    const terms = ['Ausländerbehörde', 'Kreis'];
    expect(marked('the immigration office (Ausländerbehörde) of your town or district (Kreis).', terms)).toBe(
      'the immigration office ([Ausländerbehörde]) of your town or district ([Kreis]).',
    );
    expect(marked('до відомства у справах іноземців (Ausländerbehörde) вашого міста або району (Kreis).', terms)).toBe(
      'до відомства у справах іноземців ([Ausländerbehörde]) вашого міста або району ([Kreis]).',
    );
  });

  it('leaves words that only contain a term, and keeps the text exactly', () => {
    const text = 'Kreisverwaltung, Kreises and Kreis-Ausländerbehörde: Kreis.';
    expect(marked(text, ['Kreis'])).toBe('Kreisverwaltung, Kreises and [Kreis]-Ausländerbehörde: [Kreis].');
    expect(germanTermParts(text, ['Kreis']).map((part) => part.text).join('')).toBe(text);
  });

  it('prefers the longer of two overlapping terms, ignores blank terms and works without any', () => {
    expect(marked('at your Musterbehörde', ['Muster', 'Musterbehörde', ' '])).toBe('at your [Musterbehörde]');
    expect(germanTermParts('no German here', [])).toEqual([{ text: 'no German here', german: false }]);
  });
});
