/**
 * The build's one pass over a built form page, with an HTML parser (htmlparser2; the positions it
 * reports let the page stay byte for byte as Astro wrote it, except for what is moved):
 *
 * - a <style> in the <body> moves to the end of the <head>, where HTML allows it (Astro writes the
 *   style block its islands need right before the first island);
 * - the template of the page for the form server (shared/lib/server-files.ts): the content of the
 *   element of ours that holds the form (FORM_SLOT_ATTRIBUTE) becomes FORM_SLOT, and
 *   FORM_TITLE_PREFIX goes right after <title>.
 *
 * Nothing here knows Astro's island markup: the form is found by our own element.
 */
import { Parser } from 'htmlparser2';
import { FORM_SLOT, FORM_SLOT_ATTRIBUTE, FORM_SLOT_VALUE, FORM_TITLE_PREFIX } from '../../shared/lib/server-files.ts';

/** Where things are in a page: offsets into its text. */
interface Layout {
  /** Start of </head>. */
  headEnd: number;
  /** Each <style>…</style> in the <body>: [start, end). */
  bodyStyles: [number, number][];
  /** End of the <title> start tag. */
  titleStart: number;
  /** The content of the form slot element: [start, end). */
  slot: [number, number] | undefined;
  /** How many elements carry the slot attribute (exactly one is right). */
  slots: number;
}

function layoutOf(html: string): Layout {
  const layout: Layout = { headEnd: -1, bodyStyles: [], titleStart: -1, slot: undefined, slots: 0 };
  let depth = 0;
  let inBody = false;
  let styleStart = -1;
  let slotDepth = -1;
  let slotStart = -1;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        depth += 1;
        if (name === 'body') inBody = true;
        else if (name === 'title' && layout.titleStart === -1) layout.titleStart = parser.endIndex + 1;
        else if (name === 'style' && inBody) styleStart = parser.startIndex;
        if (attributes[FORM_SLOT_ATTRIBUTE] === FORM_SLOT_VALUE) {
          layout.slots += 1;
          slotDepth = depth;
          slotStart = parser.endIndex + 1;
        }
      },
      onclosetag(name) {
        if (name === 'head') layout.headEnd = parser.startIndex;
        else if (name === 'style' && styleStart !== -1) {
          layout.bodyStyles.push([styleStart, parser.endIndex + 1]);
          styleStart = -1;
        }
        if (depth === slotDepth) {
          layout.slot = [slotStart, parser.startIndex];
          slotDepth = -1;
        }
        depth -= 1;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return layout;
}

/** `html` with the ranges cut out, in order (ranges sorted, not overlapping). */
function without(html: string, ranges: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}

export interface FormPage {
  /** The page to publish: its body styles moved into the head. */
  readonly page: string;
  /** The server's template of the page (FORM_TITLE_PREFIX, FORM_SLOT). */
  readonly template: string;
}

/**
 * The published page and the server's template of a built form page. Throws, naming `file`, when
 * the page has no <head>, no <title> or not exactly one form slot element.
 */
export function formPage(html: string, file: string): FormPage {
  const layout = layoutOf(html);
  const { headEnd, bodyStyles, titleStart, slot } = layout;
  if (headEnd === -1 || titleStart === -1 || titleStart > headEnd) throw new Error(`${file}: die Seite hat keinen <head> mit <title>.`);
  if (layout.slots !== 1 || slot === undefined) {
    throw new Error(`${file}: die Seite muss genau ein Element mit ${FORM_SLOT_ATTRIBUTE}="${FORM_SLOT_VALUE}" haben (src/components/form/Form.astro), sie hat ${layout.slots}.`);
  }
  const styles = bodyStyles.map(([start, end]) => html.slice(start, end)).join('');
  const page = without(html.slice(0, headEnd) + styles + html.slice(headEnd), bodyStyles.map(([start, end]) => [start + styles.length, end + styles.length]));
  // The template: the title prefix and the slot, on the page as published (its styles in the head).
  const inner = [slot[0] + styles.length - stylesBefore(bodyStyles, slot[0]), slot[1] + styles.length - stylesBefore(bodyStyles, slot[1])] as const;
  const template = page.slice(0, titleStart) + FORM_TITLE_PREFIX + page.slice(titleStart, inner[0]) + FORM_SLOT + page.slice(inner[1]);
  return { page, template };
}

/** The length of the body styles that lie before `offset` (they moved into the head). */
function stylesBefore(bodyStyles: readonly [number, number][], offset: number): number {
  return bodyStyles.filter(([, end]) => end <= offset).reduce((sum, [start, end]) => sum + end - start, 0);
}
