import { describe, expect, it } from 'vitest';
import { authorityOf, kreisOf, normaliseAuthorityName } from '../../server/store/authority.ts';

describe('the authority of a submission (the key of its Vorgang)', () => {
  it('is the Gemeinde- or Kreisschlüssel when one was given, whatever the name', () => {
    expect(authorityOf({ behoerde: 'Stadt Beispielstadt', ags: '05999001' })).toEqual({ key: 'ags:05999001', behoerde: 'Stadt Beispielstadt', ags: '05999001' });
    expect(authorityOf({ behoerde: 'Anderer Name', ags: '05999001' })?.key).toBe('ags:05999001');
    expect(authorityOf({ behoerde: 'Kreis Muster', ags: '05 999' })?.key).toBe('ags:05999');
  });

  it('is the normalised Behörde name without a key: NFC, trimmed, whitespace collapsed, case-folded', () => {
    const composed = authorityOf({ behoerde: '  Stadt   Köln\tAusländerbehörde ' });
    const decomposed = authorityOf({ behoerde: 'STADT KO\u0308LN AUSLÄNDERBEHÖRDE', ags: '' });
    expect(composed?.key).toBe('name:stadt köln ausländerbehörde');
    expect(decomposed?.key).toBe(composed?.key);
    expect(composed?.behoerde).toBe('Stadt   Köln\tAusländerbehörde');
    expect(normaliseAuthorityName('Straße')).toBe(normaliseAuthorityName('STRASSE'));
  });

  it('is none for a submission without Behörde and key (a barrier report)', () => {
    expect(authorityOf({ nachricht: 'x' })).toBeNull();
    expect(authorityOf({ behoerde: '   ', ags: '123' })).toBeNull();
  });

  it('gives the Kreisschlüssel of a Gemeindeschlüssel', () => {
    expect(kreisOf('05999001')).toBe('05999');
    expect(kreisOf('05999')).toBe('05999');
    expect(kreisOf(null)).toBeNull();
  });
});
