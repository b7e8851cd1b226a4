/**
 * What the automated accessibility check covers: the axe-core rule tags the browser tests run on
 * every page of the sitemap (tests/e2e/fixtures.ts), and the same list in words for the Erklärung zur
 * Barrierefreiheit (<GepruefteRegeln />). The statement can then claim no WCAG version or level the
 * check does not run. A tag is listed only when the installed axe-core has rules for it
 * (tests/unit/accessibility-checks.test.ts): axe-core has none for WCAG 2.2 level A (its new A
 * criteria cannot be checked automatically), so the statement names WCAG 2.2 for level AA only.
 */
import { de } from '../../shared/strings/de.ts';

/** The axe-core tags of the WCAG rules each page is checked against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

type Level = 'A' | 'AA' | 'AAA';

/** The WCAG version ("2.0", "2.1", "2.2") and level of an axe-core tag such as "wcag21aa". */
export function wcagOf(tag: string): { version: string; level: Level } {
  const match = /^wcag(2)(\d?)(a{1,3})$/.exec(tag);
  if (match === null) throw new Error(`${tag} ist kein WCAG-Tag von axe-core (z. B. wcag21aa).`);
  const [, major = '2', minor = '', level = 'a'] = match;
  return { version: `${major}.${minor === '' ? '0' : minor}`, level: level.toUpperCase() as Level };
}

/** "A", "A und AA": a German list. */
const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${de.a11yChecks.and} ${items.at(-1) ?? ''}`);

/**
 * The WCAG versions and levels of `tags` in words, versions with the same levels together, e. g.
 * "WCAG 2.0 und 2.1 in den Stufen A und AA sowie WCAG 2.2 in der Stufe AA".
 */
export function describeWcagTags(tags: readonly string[]): string {
  const levels = new Map<string, Level[]>();
  for (const { version, level } of tags.map(wcagOf)) levels.set(version, [...(levels.get(version) ?? []), level]);
  const groups = new Map<string, string[]>();
  for (const [version, of] of [...levels].sort(([a], [b]) => a.localeCompare(b))) {
    const key = [...new Set(of)].sort((a, b) => a.length - b.length).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), version]);
  }
  const t = de.a11yChecks;
  return [...groups]
    .map(([key, versions]) => {
      const of = key.split(' ');
      return `WCAG ${list(versions)} ${of.length === 1 ? t.level : t.levels} ${list(of)}`;
    })
    .join(` ${t.also} `);
}
