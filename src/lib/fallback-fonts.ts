/**
 * Fallback faces for the system fonts Astro's optimised fallbacks do not know. Astro's fonts API
 * matches a fallback to Fira Sans only for the font behind the generic family (Arial for
 * `sans-serif`); Linux desktops and Chromebooks usually have no Arial but DejaVu Sans or Liberation
 * Sans/Arimo. Each face here scales such a local font to Fira Sans's average character width and
 * sets its vertical metrics to Fira Sans's (the Capsize formula Astro uses), so text set in the
 * fallback wraps like Fira Sans and the swap moves nothing.
 */

/** Vertical metrics and average character width of a font, in font units (as @capsizecss/unpack reports them). */
export interface FontMetrics {
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly unitsPerEm: number;
  readonly xWidthAvg: number;
}

export type Weight = 400 | 700;

/**
 * Fira Sans latin 400 and 700 of @fontsource/fira-sans 5.3 (read from the package's woff2 files with
 * @capsizecss/unpack; tests/unit/fallback-fonts.test.ts checks them against the installed package).
 */
export const FIRA_SANS: Record<Weight, FontMetrics> = {
  400: { ascent: 935, descent: -265, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 458 },
  700: { ascent: 935, descent: -265, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 459 },
};

export interface LocalFallback {
  /** Family name of the fallback face in the font stack. */
  readonly family: string;
  /** local() names per weight, tried in order; all share the metrics. */
  readonly locals: Record<Weight, readonly string[]>;
  readonly metrics: Record<Weight, FontMetrics>;
}

/**
 * Liberation Sans and Arimo are metric-compatible with Arial (the metrics Astro uses for Arial);
 * DejaVu Sans 2.37 read from Debian's fonts-dejavu-core with @capsizecss/unpack.
 */
export const LOCAL_FALLBACKS: readonly LocalFallback[] = [
  {
    family: 'Fira Sans fallback: Liberation Sans',
    locals: { 400: ['Liberation Sans', 'Arimo'], 700: ['Liberation Sans Bold', 'Arimo Bold'] },
    metrics: {
      400: { ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xWidthAvg: 913 },
      700: { ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xWidthAvg: 983 },
    },
  },
  {
    family: 'Fira Sans fallback: DejaVu Sans',
    locals: { 400: ['DejaVu Sans'], 700: ['DejaVu Sans Bold'] },
    metrics: {
      400: { ascent: 1901, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1041 },
      700: { ascent: 1901, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1176 },
    },
  },
];

const percent = (value: number): string => `${Number.parseFloat((value * 100).toFixed(4))}%`;

/** The overrides that make `fallback` take the room of `font` (Capsize's createFontStack). */
export function fallbackOverrides(font: FontMetrics, fallback: FontMetrics): Record<'size-adjust' | 'ascent-override' | 'descent-override' | 'line-gap-override', string> {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  return {
    'size-adjust': percent(sizeAdjust),
    'ascent-override': percent(font.ascent / em),
    'descent-override': percent(Math.abs(font.descent) / em),
    'line-gap-override': percent(font.lineGap / em),
  };
}

/** @font-face rules of every local fallback, both weights. */
export function fallbackFontFaces(font: Record<Weight, FontMetrics> = FIRA_SANS, fallbacks: readonly LocalFallback[] = LOCAL_FALLBACKS): string {
  return fallbacks
    .flatMap((fallback) =>
      ([400, 700] as const).map((weight) => {
        const src = fallback.locals[weight].map((name) => `local("${name}")`).join(',');
        const overrides = Object.entries(fallbackOverrides(font[weight], fallback.metrics[weight]))
          .map(([property, value]) => `${property}:${value}`)
          .join(';');
        return `@font-face{font-family:"${fallback.family}";src:${src};font-weight:${weight};font-style:normal;font-display:swap;${overrides}}`;
      }),
    )
    .join('');
}

/** The faces with the recorded metrics, for the page head (built once per process). */
export const FALLBACK_FONT_FACES = fallbackFontFaces();
