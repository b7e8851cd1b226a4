/**
 * What the build writes for the form server, beside the published site, in the server's folder
 * (serverDirOf(DIST_DIR), e. g. dist-server/; never in dist/, so that copying dist/ to any static
 * host publishes only the site). This module is the one contract between the two sides:
 *
 *   content.json       what the server needs of the content (ServerContent below), made from the
 *                      content layer by the build's own loader (src/pages/kv-content.json.ts)
 *   frame.html         the page frame of the server's pages (src/pages/kv-frame.astro), with the
 *                      slots FRAME_TITLE and FRAME_MAIN
 *   admin-frame.html   the frame of the admin area (src/pages/kv-admin-frame.astro): no public
 *                      navigation, its own stylesheet; slots FRAME_TITLE, FRAME_MAIN and ADMIN_ACCOUNT
 *   forms/<name>.html  each form's built page with the form cut out (FORM_SLOT) and FORM_TITLE_PREFIX
 *                      in its <title>: the page a post without JavaScript gets back with its errors
 *   manifest.json      CSP hashes and deployment settings (policy/manifest.ts)
 *   nginx/             the files for static hosting with nginx (policy/static-hosting.ts)
 *   *.js               the compiled server (src/integrations/server-compile.ts)
 *
 * Slots are tokens of ours, never Astro's markup: a form page marks where its form goes with an
 * element of ours (FORM_SLOT_ATTRIBUTE), and the build cuts the island out by that element with an
 * HTML parser (src/integrations/form-pages.ts). The server fills the slots by replacing the tokens.
 */
import type { FormMeta } from '../forms/types.ts';
import { escapeHtml } from './escape-html.ts';
import type { RolloutStep } from './rollout.ts';

export { serverDirOf } from '../../policy/build-output.mjs';

/** What the server needs of the content (content.json). */
export const CONTENT_FILE = 'content.json';
/** The static endpoint that renders it (dist/kv-content.json, then moved to CONTENT_FILE). */
export const CONTENT_ROUTE = 'kv-content.json';
/** The frame of the server's pages. */
export const FRAME_FILE = 'frame.html';
/** The page that renders the frame (dist/kv-frame/index.html, then moved to FRAME_FILE). */
export const FRAME_ROUTE = 'kv-frame';
/** The frame of the admin area's pages. */
export const ADMIN_FRAME_FILE = 'admin-frame.html';
/** The page that renders it (dist/kv-admin-frame/index.html, then moved to ADMIN_FRAME_FILE). */
export const ADMIN_FRAME_ROUTE = 'kv-admin-frame';
/** The folder of the form page templates, one file per form: forms/<form name>.html. */
export const FORMS_DIR = 'forms';

/** Slot in the frame: the page title (in <title>, the description and Open Graph), as text. */
export const FRAME_TITLE = 'KV-FRAME-TITLE';
/** Slot in the frame: the content of <main>, as HTML. */
export const FRAME_MAIN = '<!--kv:main-->';
/** Slot in the admin frame's header: who is signed in and the sign-out form, as HTML (empty when nobody is). */
export const ADMIN_ACCOUNT = '<!--kv:konto-->';
/** Slot in a form page template: right after <title>, for "Fehler: " (or nothing). */
export const FORM_TITLE_PREFIX = 'KV-TITLE-PREFIX';
/** Slot in a form page template: where the form goes, inside the element marked FORM_SLOT_ATTRIBUTE. */
export const FORM_SLOT = '<!--kv:formular-->';
/** The attribute of the element of ours around a form page's form (src/components/form/Form.astro). */
export const FORM_SLOT_ATTRIBUTE = 'data-kv-slot';
/** Its value. */
export const FORM_SLOT_VALUE = 'formular';
/** The attributes of that element, to spread onto it. */
export const FORM_SLOT_ELEMENT: Readonly<Record<string, string>> = { [FORM_SLOT_ATTRIBUTE]: FORM_SLOT_VALUE };

/** The version of content.json this code reads and writes. */
const CONTENT_VERSION = 3;

/** The organisation's postal address (content/site/site.yaml). */
export interface PostalAddress {
  readonly empfaenger: string;
  readonly zusatz?: string | undefined;
  readonly strasse: string;
  readonly plz: string;
  readonly ort: string;
}

export interface ServerContent {
  readonly version: typeof CONTENT_VERSION;
  /** The site facts the server uses (content/site/site.yaml). */
  readonly site: {
    readonly portalName: string;
    /** The organisation's public mailbox: the default recipient of notifications, the mailto fallback. */
    readonly postfach: string;
    /** Where an authority sends the signed Einzelabruf: its BeBPo recipient name and postal address. */
    readonly bebpoEmpfaenger: string;
    readonly anschrift: PostalAddress;
  };
  /** Every form, as the pages show it: the offers' interest forms in the order of the site, then the others. */
  readonly forms: readonly FormMeta[];
  /** The rollout steps of each offer (its `rollout`), by the name of its interest form. */
  readonly rollout: readonly OfferRollout[];
}

/** The rollout steps of one offer, for the admin area's Vorgänge, and what its authorities' status page says (server/http/status-page.ts). */
export interface OfferRollout {
  /** The offer's interest form (interesse-<offer>): the Vorgänge's form. */
  readonly form: string;
  readonly steps: readonly RolloutStep[];
  /**
   * Whom the offer's authorities contact: each contact's role and e-mail (theirs or the
   * organisation's mailbox), without their names (the status page shows no person's name), each pair once.
   */
  readonly kontakte: readonly { readonly rolle: string; readonly email: string }[];
  /** How the signed Einzelabruf reaches the organisation (the offer's `einreichung`, the document by its title). */
  readonly einreichung: { readonly dokument: string; readonly unterzeichnetVon: string; readonly ausfertigungenPost: number };
}

/** The build's server folder lacks a file or holds one the build did not write: the message says to build again. */
export class BuildOutputError extends Error {
  override name = 'BuildOutputError';
}

/** content.json for these site facts and forms. */
export function serverContent(site: ServerContent['site'], forms: readonly FormMeta[], rollout: readonly OfferRollout[]): ServerContent {
  const { portalName, postfach, bebpoEmpfaenger, anschrift } = site;
  return { version: CONTENT_VERSION, site: { portalName, postfach, bebpoEmpfaenger, anschrift }, forms, rollout };
}

/** Reads content.json (its text, from `file`); anything the build did not write is an error that says what to do. */
export function parseServerContent(text: string, file: string): ServerContent {
  const rebuild = 'Bauen Sie die Website neu (npm run build).';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BuildOutputError(`${file} ist kein gültiges JSON. ${rebuild}`);
  }
  const content = parsed as Partial<ServerContent> | null;
  const site = content?.site;
  if (
    content?.version !== CONTENT_VERSION ||
    typeof site?.portalName !== 'string' ||
    typeof site.postfach !== 'string' ||
    typeof site.bebpoEmpfaenger !== 'string' ||
    typeof site.anschrift?.strasse !== 'string' ||
    !Array.isArray(content.forms) ||
    !Array.isArray(content.rollout) ||
    !content.rollout.every((offer: Partial<OfferRollout> | null) => Array.isArray(offer?.kontakte) && typeof offer.einreichung?.ausfertigungenPost === 'number') ||
    !content.forms.every((form: Partial<FormMeta> | null) => typeof form?.name === 'string' && Array.isArray(form.fields))
  ) {
    throw new BuildOutputError(`${file} hat nicht das erwartete Format. ${rebuild}`);
  }
  return content as ServerContent;
}

/** Checks that a template has each of its slots; the message names the file. */
export function assertSlots(template: string, slots: readonly string[], file: string): void {
  for (const slot of slots) {
    if (!template.includes(slot)) throw new BuildOutputError(`${file}: der Platzhalter ${slot} fehlt. Bauen Sie die Website neu (npm run build).`);
  }
}

/** The frame with a page: `title` is text, `main` is HTML (rendered and escaped by Preact). */
export function fillFrame(frame: string, page: { readonly title: string; readonly main: string }): string {
  // Functions as replacements: a `$` in the content must stay a `$`.
  return frame.replaceAll(FRAME_TITLE, () => escapeHtml(page.title)).replace(FRAME_MAIN, () => page.main);
}

/** The admin frame with a page: as fillFrame, and `account` (HTML) in the header. */
export function fillAdminFrame(frame: string, page: { readonly title: string; readonly main: string; readonly account: string }): string {
  return fillFrame(frame, page).replace(ADMIN_ACCOUNT, () => page.account);
}

/** A form page template with `form` (HTML) in its slot and `titlePrefix` (text) before its title. */
export function fillFormPage(template: string, page: { readonly titlePrefix: string; readonly form: string }): string {
  return template.replace(FORM_TITLE_PREFIX, () => escapeHtml(page.titlePrefix)).replace(FORM_SLOT, () => page.form);
}
