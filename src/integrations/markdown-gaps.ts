/**
 * Editorial gaps in Markdown and MDX bodies ("[LÜCKE: what is missing]" in the text) as a step of
 * the Markdown pipeline: a plugin of Astro's Markdown processor (Sätteri, `markdown.processor` in
 * astro.config.mjs, which MDX uses too) that replaces each marker in a text node by the same
 * element <Luecke /> renders: <em class="luecke" title="Angabe wird ergänzt">wird ergänzt</em>.
 * Values from YAML and frontmatter are shown by components (shared/lib/gaps.ts).
 */
import { defineMdastPlugin, type MdastContent } from 'satteri';
import { gapParts } from '../../shared/lib/gaps.ts';
import { gapStrings } from '../../shared/strings/gap.ts';

/** The gap as an mdast node: emphasis, rendered as <em> with our class and tooltip. */
const gapNode = (): MdastContent => ({
  type: 'emphasis',
  data: { hProperties: { className: ['luecke'], title: gapStrings.gapLabel } },
  children: [{ type: 'text', value: gapStrings.gap }],
});

export const markdownGaps = defineMdastPlugin({
  name: 'kv-editorial-gaps',
  text(node, context) {
    const parts = gapParts(node.value);
    if (parts.length === 1 && typeof parts[0] === 'string') return;
    context.replaceNode(
      node,
      parts.map((part): MdastContent => (typeof part === 'string' ? { type: 'text', value: part } : gapNode())),
    );
  },
});
