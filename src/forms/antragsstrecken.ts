/**
 * The choices of the interest form: every Antragsstrecke of every Leistung of the offer, in the
 * order of the offer file, each once. The Astro page passes the offer entry's data; the server
 * passes the frontmatter it reads from the same file (server/content.ts). One function, so page
 * and server always offer and accept the same list.
 */

/** The part of an offer (content/offers/<name>.mdx) the interest form needs. */
export interface OfferWithLeistungen {
  readonly leistungen: readonly { readonly antragsstrecken: readonly string[] }[];
}

export function antragsstreckenOptions(offer: OfferWithLeistungen): string[] {
  const options = offer.leistungen.flatMap((leistung) => leistung.antragsstrecken.map((name) => name.trim()));
  return [...new Set(options.filter((name) => name !== ''))];
}

/** The offer the interest form belongs to (content/offers/<slug>.mdx). */
export const INTERESSE_OFFER = 'aufenthaltstitel';
