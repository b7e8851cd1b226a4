/**
 * Editorial gaps: facts we do not have yet. Editors mark them in one recognisable way,
 * "[LÜCKE: what is missing]", in YAML, in frontmatter and in Markdown/MDX text alike (in MDX text
 * <Luecke>what is missing</Luecke> works too). Every page shows "wird ergänzt" in their place: in
 * Markdown and MDX bodies through a step of the Markdown pipeline (src/integrations/markdown-gaps.ts),
 * in values from YAML and frontmatter through the components that show them (ContentText.astro,
 * GapText.tsx, and withGapText() for attributes and structured data). The build lists every open gap.
 */

const ANY_GAP = /\[LÜCKE:\s*([^\]]*?)\s*\]|<Luecke>([\s\S]*?)<\/Luecke>/gu;

/** One "[LÜCKE: …]" marker in a text. */
const GAP_MARKER = /\[LÜCKE:\s*([^\]]*?)\s*\]/gu;

/** A piece of a text: as it is, or an open gap (with what is missing, as the editor wrote it). */
export type GapPart = string | { readonly gap: string };

/** A text split into its pieces and its gaps, in order; a text without a gap is one piece. */
export function gapParts(text: string): GapPart[] {
  if (!text.includes('[LÜCKE:')) return [text];
  const parts: GapPart[] = [];
  let at = 0;
  for (const match of text.matchAll(GAP_MARKER)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ gap: match[1] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** A text with every gap marker replaced by `gapText`: for attributes, titles and structured data, where no markup goes. */
export function withGapText(text: string, gapText: string): string {
  return text.includes('[LÜCKE:') ? text.replace(GAP_MARKER, () => gapText) : text;
}

/** A value (structured data, feed items) with withGapText() applied to every string in its arrays and plain objects. */
export function withGapTexts<T>(value: T, gapText: string): T {
  if (typeof value === 'string') return withGapText(value, gapText) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withGapTexts(item, gapText)) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withGapTexts(item, gapText)])) as T;
  }
  return value;
}

/** Whether a value is (or contains) an open editorial gap. */
export function isGap(value: string): boolean {
  return /\[LÜCKE:[^\]]*\]|<Luecke>/u.test(value);
}

export interface Gap {
  /** File relative to the project, e. g. content/site/site.yaml. */
  file: string;
  /** Line number, counted from 1. */
  line: number;
  /** What is missing, as the editor wrote it. */
  what: string;
}

/** Every gap marker in a file's text. */
export function findGaps(file: string, text: string): Gap[] {
  const isYaml = /\.ya?ml$/.test(file);
  const gaps: Gap[] = [];
  for (const match of text.matchAll(ANY_GAP)) {
    const before = text.slice(0, match.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    // A YAML comment may explain the marker without being a gap.
    if (isYaml && text.slice(lineStart, match.index).includes('#')) continue;
    const what = (match[1] ?? match[2] ?? '').trim();
    gaps.push({ file, line: before.split('\n').length, what });
  }
  return gaps;
}

/** One line per gap, for the build log. */
export function formatGapReport(gaps: readonly Gap[]): string {
  if (gaps.length === 0) return 'Keine offenen redaktionellen Lücken.';
  const lines = gaps.map((g) => `  ${g.file}:${g.line}  ${g.what}`);
  return `${gaps.length} offene redaktionelle Lücke(n) – bitte ergänzen:\n${lines.join('\n')}`;
}
