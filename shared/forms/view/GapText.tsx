/**
 * A text from the content (an offer's step) in the form's views: an editorial gap in it
 * ("[LÜCKE: …]") shows as "wird ergänzt", marked up as <Luecke /> does on the site.
 */
import { gapParts } from '../../lib/gaps.ts';
import { gapStrings } from '../../strings/gap.ts';

export function GapText({ value }: { value: string }) {
  return (
    <>
      {gapParts(value).map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <em class="luecke" title={gapStrings.gapLabel}>
            {gapStrings.gap}
          </em>
        ),
      )}
    </>
  );
}
