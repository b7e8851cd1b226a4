/**
 * Editorial gaps: facts we do not have yet. Editors mark them in one recognisable way,
 * "[LÜCKE: what is missing]", in YAML, in frontmatter and in MDX text alike (in MDX text
 * <Luecke>what is missing</Luecke> works too). Every page shows "wird ergänzt" in their place
 * (src/middleware.ts); the build lists every open gap.
 */

const ANY_GAP = /\[LÜCKE:\s*([^\]]*?)\s*\]|<Luecke>([\s\S]*?)<\/Luecke>/gu;

const GAP_IN_HTML = /\[LÜCKE:[^\]]*\]/gu;

/** Whether `offset` lies inside an open <script> or <style> block of `html` (its text is not HTML). */
function insideBlock(html: string, offset: number): boolean {
  return ['script', 'style'].some((tag) => {
    const open = html.lastIndexOf(`<${tag}`, offset);
    return open >= 0 && /[\s>]/.test(html.charAt(open + tag.length + 1)) && html.lastIndexOf(`</${tag}`, offset) < open;
  });
}

/**
 * Replaces every gap marker in a rendered page: in text by the marked-up `gapHtml`, inside a tag
 * (an attribute) or a script/style block by the plain `gapText`. Looks back from each marker
 * without copying the page (the pages carry their stylesheet inline, and a page may have many gaps).
 */
export function renderGaps(html: string, gapHtml: string, gapText: string): string {
  return html.replace(GAP_IN_HTML, (_marker, offset: number) => {
    const insideTag = html.lastIndexOf('<', offset) > html.lastIndexOf('>', offset);
    return insideTag || insideBlock(html, offset) ? gapText : gapHtml;
  });
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
