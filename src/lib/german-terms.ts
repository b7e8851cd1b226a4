/**
 * German terms inside English and Ukrainian text (WCAG 3.1.2, language of parts): "Apply at the
 * immigration office (Ausländerbehörde)". Each occurrence of a term becomes a part of its own, which
 * the page marks with lang="de", so a screen reader reads it in German. Editors list no HTML: the
 * terms come from a known list (shared/strings/de.ts) and the offer's own `deutscheBegriffe`.
 */

export interface TextPart {
  readonly text: string;
  /** True for an occurrence of a German term. */
  readonly german: boolean;
}

const escape = (term: string): string => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` cut into parts at every whole-word occurrence of one of `terms` (longest first, so
 * "Ausländerbehörde" wins over a shorter term inside it); "Kreis" does not match in "Kreises".
 */
export function germanTermParts(text: string, terms: readonly string[]): TextPart[] {
  const wanted = [...new Set(terms.map((term) => term.trim()).filter((term) => term !== ''))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, german: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), german: false });
    parts.push({ text: match[0], german: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), german: false });
  return parts;
}
