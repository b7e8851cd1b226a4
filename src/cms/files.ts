/**
 * Everything the build writes to /redaktion/ (dist/redaktion/), and the dev server serves there:
 * the page around the CMS, its configuration, the editor components and the vendored CMS (bundle,
 * German locale, fonts). /redaktion/offen/ is an Astro page of its own (src/pages/redaktion/).
 */
import { escapeHtml } from '../../shared/lib/escape-html.ts';
import { cmsPageTexts as texts } from '../strings/cms.ts';
import type { CmsMode } from './backend.ts';
import { vendoredCms, type UiFile } from './bundle.ts';
import { cmsConfig, cmsConfigFile, editorComponents, type CmsConfigInput } from './config.ts';
import { editorComponentsScript } from './editor-components.ts';

/** Where the editing UI lives; the open-items page is below it. */
export const EDITING_UI_PATH = '/redaktion/';
export const OPEN_ITEMS_PATH = '/redaktion/offen/';

/** The line under the CMS that says how this build's editing UI works, if it is not the production set-up. */
const modeNotice = (mode: CmsMode): string | undefined => (mode === 'local' ? texts.localOnly : mode === 'test' ? texts.test : undefined);

/** The page that loads the CMS: no inline script (the CSP of /redaktion/ allows none), a bar below it. */
export function editingUiPage(mode: CmsMode, portalName: string): string {
  const notice = modeNotice(mode);
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(`${texts.title} – ${portalName}`)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="redaktion.css">
<link rel="cms-config-url" type="application/yaml" href="config.yml">
</head>
<body${mode === 'local' ? ' class="kv-nur-lokal"' : ''}>
<noscript><p>${escapeHtml(texts.noscript)}</p></noscript>
<div class="kv-leiste" role="note">${notice === undefined ? '' : `<p>${escapeHtml(notice)}</p>`}<p><a href="${OPEN_ITEMS_PATH}">${escapeHtml(texts.openItems)}</a></p></div>
<script src="sveltia-cms.js"></script>
<script src="editor-components.js"></script>
</body>
</html>
`;
}

/**
 * The bar below the CMS. The CMS's frame (.sui.app-shell) is fixed to the whole window by its own
 * component styles; it ends above the bar instead (the one rule that must win over them).
 */
const STYLESHEET = `/* The editing UI's bar below the CMS (src/cms/files.ts). */
:root { --kv-leiste: 3rem; }
.sui.app-shell { bottom: var(--kv-leiste) !important; height: auto !important; }
.kv-leiste { position: fixed; z-index: 1; inset: auto 0 0 0; min-height: var(--kv-leiste); box-sizing: border-box; display: flex; gap: 1rem; align-items: center; justify-content: space-between; margin: 0; padding: .25rem 1rem; background: #fff; color: #1b1b1b; border-top: 1px solid #767676; font: 14px/1.35 system-ui, sans-serif; }
.kv-leiste p { margin: 0; }
.kv-leiste a { color: #004b87; font-weight: 600; white-space: nowrap; }
.kv-leiste a:focus-visible { outline: 3px solid #004b87; outline-offset: 2px; }
/* Local-folder mode only (no CMS_BACKEND): the sign-in page's other way in, by token, leads nowhere. */
.kv-nur-lokal .buttons.svelte-1ff54ya > .secondary { display: none; }
`;

export interface EditingUi {
  readonly version: string;
  readonly files: UiFile[];
}

/** Every file of /redaktion/ for this build. */
export function editingUiFiles(input: CmsConfigInput): EditingUi {
  const { version, files } = vendoredCms(input.root);
  return {
    version,
    files: [
      ['index.html', editingUiPage(input.backend.mode, input.portalName)],
      ['redaktion.css', STYLESHEET],
      ['config.yml', cmsConfigFile(cmsConfig(input))],
      ['editor-components.js', editorComponentsScript(editorComponents())],
      ...files,
    ],
  };
}
