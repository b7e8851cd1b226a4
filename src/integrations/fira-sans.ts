/**
 * Fira Sans for Astro's fonts API, self-hosted from the npm package @fontsource/fira-sans (no CDN):
 * the woff2 files of the weights the portal uses, each with the unicode-range the package declares.
 * Two families: latin (preloaded on every page) and cyrillic (listed first in the font stack, but
 * its unicode-range means a browser loads it only for pages with Cyrillic text).
 * Astro writes the @font-face rules and fallback faces whose metrics match Fira Sans
 * (`optimizedFallbacks`, Arial); src/lib/fallback-fonts.ts adds the Linux fonts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontProviders } from 'astro/config';
import { LOCAL_FALLBACKS } from '../lib/fallback-fonts.ts';

const PACKAGE = '@fontsource/fira-sans';
const WEIGHTS = [400, 700] as const;

/**
 * unicode-range of one subset of one weight, read from the package's `<weight>.css`
 * (its subset files, e.g. latin-400.css, leave the range out).
 */
export function unicodeRangeOf(css: string, subset: string, weight: number): string {
  const block = new RegExp(`/\\* fira-sans-${subset}-${weight}-normal \\*/\\s*@font-face\\s*{([^}]*)}`).exec(css)?.[1];
  const range = block === undefined ? undefined : /unicode-range:\s*([^;]+);/.exec(block)?.[1];
  if (range === undefined) throw new Error(`${PACKAGE}/${weight}.css: kein unicode-range für „${subset}“ gefunden.`);
  return range.trim();
}

function variantsOf(subset: 'latin' | 'cyrillic') {
  const require = createRequire(import.meta.url);
  const variants = WEIGHTS.map((weight) => ({
    src: [`${PACKAGE}/files/fira-sans-${subset}-${weight}-normal.woff2`] as [string],
    weight,
    style: 'normal' as const,
    unicodeRange: [unicodeRangeOf(readFileSync(require.resolve(`${PACKAGE}/${weight}.css`), 'utf8'), subset, weight)] as [string],
  }));
  return variants as [(typeof variants)[number], ...typeof variants];
}

/** The font families for `fonts` in astro.config.mjs; their CSS variables are used in global.css. */
export function firaSans() {
  return [
    {
      provider: fontProviders.local(),
      name: 'Fira Sans',
      cssVariable: '--font-fira-sans',
      display: 'swap' as const,
      fallbacks: [...LOCAL_FALLBACKS.map((fallback) => fallback.family), 'sans-serif'],
      optimizedFallbacks: true,
      options: { variants: variantsOf('latin') },
    },
    {
      provider: fontProviders.local(),
      name: 'Fira Sans',
      cssVariable: '--font-fira-sans-cyrillic',
      display: 'swap' as const,
      fallbacks: [],
      options: { variants: variantsOf('cyrillic') },
    },
  ];
}
