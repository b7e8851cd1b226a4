// @ts-check
import { defineConfig } from 'astro/config';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import contentReport from './src/integrations/content-report.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { readContentPaths } from './src/lib/content-paths.ts';
import serverFiles from './src/integrations/server-files.ts';
import serverCompile from './src/integrations/server-compile.ts';
import { firaSans } from './src/integrations/fira-sans.ts';
import clientInteraction from './src/integrations/client-interaction.ts';
import { markdownGaps } from './src/integrations/markdown-gaps.ts';
import editingUi from './src/integrations/editing-ui.ts';

/** The public address of the portal: canonical URLs, sitemap, RSS and Open Graph use it. */
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';

/** CONTENT_DIR picks the content (its public/ folder beside it); DIST_DIR where the site is written. */
const { contentDir, publicDir, distDir } = readContentPaths();

/**
 * Astro keeps the collections it read in its cache folder and compares the next build's files with
 * them. One cache for two content folders (`npm test` builds content/ and then the fixtures) made each
 * build start from the other's entries: "multiple entries with the same slug" for every page both
 * have. Each content folder other than content/ gets a cache of its own.
 */
const contentSlug = relative(fileURLToPath(new URL('.', import.meta.url)), contentDir).replace(/[^a-zA-Z0-9]+/g, '-');
const cacheDir = contentSlug === 'content' ? undefined : `./node_modules/.astro-${contentSlug}/`;

// @formspree/react runs on preact/compat; these packages must be bundled for prerendering,
// otherwise the React hooks resolve to the real (absent) React and prerendering crashes.
const reactOnPreact = [
  '@formspree/react',
  'react',
  'react-dom',
  'react-dom/test-utils',
  'react/jsx-runtime',
];

/**
 * Rolldown warns once per MDX content module that the `"use astro:head-inject"` directive Astro
 * writes into its `?astroPropagatedAssets` wrapper "may not be preserved when bundling". Astro finds
 * those modules by that query (astro/dist/vite-plugin-head), not by the directive, so the warning is
 * noise: 11 log lines per MDX file (withastro/astro#18087, open). Exactly this warning is dropped.
 * @param {{ code?: string, message: string }} warning
 * @param {(warning: { code?: string, message: string }) => void} warn
 */
function withoutHeadInjectWarning(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
  warn(warning);
}

export default defineConfig({
  site,
  ...(cacheDir === undefined ? {} : { cacheDir }),
  publicDir,
  outDir: distDir,
  trailingSlash: 'always',
  // The stylesheet (4 KB gzip) is inlined: no render-blocking round trip before the first paint
  // (first visit FCP 0.83 s instead of 0.94–1.06 s in the bench); a reader going on to the next
  // page loads those 4 KB again instead of taking them from the cache (README, Performance).
  // concurrency: pages are rendered four at a time, so one page's file writes overlap the next
  // page's rendering (1,000 offers: 3,018 pages; the main thread was otherwise idle for a third of
  // the build). `npm run build` caps the heap (package.json), which keeps the peak under 1 GB.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  fonts: firaSans(),
  // Astro's own Markdown processor (MDX uses it too), with the step that shows editorial gaps.
  markdown: { processor: satteri({ mdastPlugins: [markdownGaps] }) },
  integrations: [
    mdx(),
    preact({ compat: true }),
    // Thank-you pages (…/danke/), the 404 page and the server's page frame are no destinations of their own;
    // the editing UI (/redaktion/) is for editors, never indexed.
    sitemap({ filter: (page) => !/\/(404|kv-frame|kv-admin-frame|kv-content\.json|(interesse|barriere-melden)\/danke)\/?$/.test(page) && !new URL(page).pathname.startsWith('/redaktion/') }),
    contentReport(),
    serverFiles(),
    editingUi(),
    securityHeaders(),
    serverCompile(),
    clientInteraction(),
  ],
  vite: {
    plugins: [
      tailwindcss(),
      // In every environment's bundle (Astro sets the prerender bundle's options itself).
      { name: 'kv:without-head-inject-warning', configEnvironment: () => ({ build: { rolldownOptions: { onwarn: withoutHeadInjectWarning } } }) },
    ],
    resolve: {
      // @formspree/react imports Stripe's card components, which our forms never use and the
      // bundler cannot drop (~5.5 KB gzip); a stub keeps them out of the form island.
      alias: { '@stripe/react-stripe-js': fileURLToPath(new URL('./src/components/form/stripe-stub.ts', import.meta.url)) },
    },
    environments: {
      prerender: { resolve: { noExternal: reactOnPreact } },
      ssr: { resolve: { noExternal: reactOnPreact } },
    },
  },
});
