/**
 * Editorial gaps: facts we do not have yet. Editors mark them in one recognisable way:
 * in YAML and frontmatter as the value "[LÜCKE: what is missing]", in MDX text as
 * <Luecke>what is missing</Luecke>. Pages show "wird ergänzt"; the build lists every open gap.
 */

const VALUE_GAP = /^\s*\[LÜCKE:\s*([^\]]*?)\s*\]\s*$/u;
const ANY_GAP = /\[LÜCKE:\s*([^\]]*?)\s*\]|<Luecke>([\s\S]*?)<\/Luecke>/gu;

/** What is missing, when the value is a gap marker; otherwise undefined. */
export function gapOf(value: string): string | undefined {
  return VALUE_GAP.exec(value)?.[1];
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
