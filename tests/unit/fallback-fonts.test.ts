import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromFile } from '@capsizecss/unpack/fs';
import { describe, expect, it } from 'vitest';
import { FIRA_SANS, LOCAL_FALLBACKS, fallbackFontFaces, fallbackOverrides, type FontMetrics } from '../../src/lib/fallback-fonts.ts';
import { unicodeRangeOf } from '../../src/integrations/fira-sans.ts';

const require = createRequire(import.meta.url);
const metricsOf = async (file: string): Promise<FontMetrics> => {
  const { ascent, descent, lineGap, unitsPerEm, xWidthAvg } = await fromFile(file);
  return { ascent, descent, lineGap, unitsPerEm, xWidthAvg };
};

describe('fallback fonts matched to Fira Sans', () => {
  it('the recorded Fira Sans metrics are those of the installed @fontsource/fira-sans files', async () => {
    for (const weight of [400, 700] as const) {
      expect(await metricsOf(require.resolve(`@fontsource/fira-sans/files/fira-sans-latin-${weight}-normal.woff2`))).toEqual(FIRA_SANS[weight]);
    }
  });

  it('computes the overrides as Astro does for its Arial fallback', () => {
    const arial = LOCAL_FALLBACKS.find((f) => f.family.includes('Liberation'))?.metrics[400];
    expect(arial).toBeDefined();
    // The values Astro 7.3 writes for "Fira Sans fallback: Arial" (weight 400).
    expect(fallbackOverrides(FIRA_SANS[400], arial as FontMetrics)).toEqual({
      'size-adjust': '102.7365%',
      'ascent-override': '91.0095%',
      'descent-override': '25.7942%',
      'line-gap-override': '0%',
    });
  });

  it('a fallback scaled by size-adjust has the average character width of Fira Sans', () => {
    for (const fallback of LOCAL_FALLBACKS) {
      for (const weight of [400, 700] as const) {
        const scale = Number.parseFloat(fallbackOverrides(FIRA_SANS[weight], fallback.metrics[weight])['size-adjust']) / 100;
        const width = (fallback.metrics[weight].xWidthAvg / fallback.metrics[weight].unitsPerEm) * scale;
        expect(width).toBeCloseTo(FIRA_SANS[weight].xWidthAvg / FIRA_SANS[weight].unitsPerEm, 5);
      }
    }
  });

  it('writes one face per fallback and weight, with every local() name', () => {
    const css = fallbackFontFaces();
    expect(css.match(/@font-face/g)).toHaveLength(LOCAL_FALLBACKS.length * 2);
    expect(css).toContain('font-family:"Fira Sans fallback: DejaVu Sans";src:local("DejaVu Sans Bold");font-weight:700');
    expect(css).toContain('src:local("Liberation Sans"),local("Arimo");font-weight:400');
  });

  const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  it.skipIf(!existsSync(dejavu))('the recorded DejaVu Sans metrics are those of the installed font', async () => {
    const recorded = LOCAL_FALLBACKS.find((f) => f.family.includes('DejaVu'));
    expect(await metricsOf(dejavu)).toEqual(recorded?.metrics[400]);
    expect(await metricsOf(dejavu.replace('.ttf', '-Bold.ttf'))).toEqual(recorded?.metrics[700]);
  });

  it('reads the unicode-range of a subset from the package, and names the subset it cannot find', () => {
    const css = readFileSync(require.resolve('@fontsource/fira-sans/400.css'), 'utf8');
    expect(unicodeRangeOf(css, 'cyrillic', 400)).toContain('U+0400-045F');
    expect(unicodeRangeOf(css, 'latin', 400)).toMatch(/^U\+0000-00FF,/);
    expect(() => unicodeRangeOf(css, 'klingon', 400)).toThrow(/kein unicode-range für „klingon“/);
  });
});
