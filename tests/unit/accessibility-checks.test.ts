/**
 * The accessibility statement claims exactly what the axe run checks: one list of tags for both, and
 * only tags for which the installed axe-core has rules.
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AXE_TAGS, describeWcagTags, wcagOf } from '../../src/lib/accessibility-checks.ts';

describe('the WCAG rules the browser tests run', () => {
  it('every tag of the list has rules in the installed axe-core (a tag without rules would be a claim nothing checks)', () => {
    for (const tag of AXE_TAGS) expect(axe.getRules([tag]).length, tag).toBeGreaterThan(0);
  });

  it('names the versions and levels of the list in words, versions with the same levels together', () => {
    expect(describeWcagTags(AXE_TAGS)).toBe('WCAG 2.0 und 2.1 in den Stufen A und AA sowie WCAG 2.2 in der Stufe AA');
    expect(describeWcagTags(['wcag2a', 'wcag21a', 'wcag22a', 'wcag22aa'])).toBe('WCAG 2.0 und 2.1 in der Stufe A sowie WCAG 2.2 in den Stufen A und AA');
    expect(describeWcagTags(['wcag2aa'])).toBe('WCAG 2.0 in der Stufe AA');
  });

  it('reads version and level from axe-core tags and refuses other tags', () => {
    expect(wcagOf('wcag2a')).toEqual({ version: '2.0', level: 'A' });
    expect(wcagOf('wcag22aa')).toEqual({ version: '2.2', level: 'AA' });
    expect(() => wcagOf('best-practice')).toThrow('best-practice ist kein WCAG-Tag von axe-core');
  });
});
