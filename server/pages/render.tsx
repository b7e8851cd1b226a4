/**
 * Puts the server's pages into the site's frame. Everything the server shows is rendered by
 * Preact (preact-render-to-string) from components: the form from shared/forms/view/, its own pages
 * from server/pages/*.tsx. The frames and each form page's template come from the build's server
 * folder (frame.html, admin-frame.html, forms/<name>.html: shared/lib/server-files.ts, with their
 * slots); each is read once. Without a frame the pages get a bare document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FormMeta } from '../../shared/forms/index.ts';
import {
  ADMIN_ACCOUNT,
  ADMIN_FRAME_FILE,
  assertSlots,
  FORM_SLOT,
  FORM_TITLE_PREFIX,
  FORMS_DIR,
  FRAME_FILE,
  FRAME_MAIN,
  FRAME_TITLE,
  fillAdminFrame,
  fillFormPage,
  fillFrame,
} from '../../shared/lib/server-files.ts';
import { formStrings } from '../../shared/strings/form.ts';
import { AccountBar, type SignedIn } from './AccountBar.tsx';

/** What the server's pages say about the organisation. */
export interface PageContext {
  readonly portalName: string;
  readonly postfach: string;
}

export interface PageRenderer {
  readonly context: PageContext;
  /** A page of the server: `title` for <title>, `main` the content of <main> (with its h1). */
  page(title: string, main: VNode): string;
  /** A page of the admin area in its own frame; `signedIn` names the account in the header (null: nobody, e.g. the sign-in page). */
  admin(title: string, main: VNode, signedIn: SignedIn | null): string;
  /**
   * A form's page with `form` (the server-rendered form with errors and input) in place of the
   * island and "Fehler: " before the title; a framed page with the form's title when the build
   * has no template of the form's page (e.g. `npm run dev`).
   */
  formError(meta: FormMeta, form: VNode): string;
}

/** The document for a backend without a built site: no stylesheet, no header, just the content (and who is signed in). */
function BareDocument({ portalName }: { portalName: string }) {
  return (
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${FRAME_TITLE} – ${portalName}`}</title>
      </head>
      <body>
        <header dangerouslySetInnerHTML={{ __html: ADMIN_ACCOUNT }} />
        <main id="inhalt" dangerouslySetInnerHTML={{ __html: FRAME_MAIN }} />
      </body>
    </html>
  );
}

/** A template of the build in the server's folder with its slots checked, or null when it is not there. */
function readTemplate(file: string, slots: readonly string[]): string | null {
  if (!existsSync(file)) return null;
  const template = readFileSync(file, 'utf8');
  assertSlots(template, slots, file);
  return template;
}

export function createPageRenderer(serverDir: string, context: PageContext): PageRenderer {
  const bare = `<!DOCTYPE html>${renderToString(<BareDocument portalName={context.portalName} />)}`;
  const frame = readTemplate(join(serverDir, FRAME_FILE), [FRAME_TITLE, FRAME_MAIN]) ?? bare.replace(ADMIN_ACCOUNT, '');
  const adminFrame = readTemplate(join(serverDir, ADMIN_FRAME_FILE), [FRAME_TITLE, FRAME_MAIN, ADMIN_ACCOUNT]) ?? bare;
  const formPages = new Map<string, string | null>();
  /** The template of a form's page, read on first use. */
  const formPage = (meta: FormMeta): string | null => {
    if (!formPages.has(meta.name)) formPages.set(meta.name, readTemplate(join(serverDir, FORMS_DIR, `${meta.name}.html`), [FORM_TITLE_PREFIX, FORM_SLOT]));
    return formPages.get(meta.name) ?? null;
  };
  const page = (title: string, main: VNode): string => fillFrame(frame, { title, main: renderToString(main) });
  return {
    context,
    page,
    admin: (title, main, signedIn) =>
      fillAdminFrame(adminFrame, { title, main: renderToString(main), account: signedIn === null ? '' : renderToString(<AccountBar {...signedIn} />) }),
    formError(meta, form) {
      const template = formPage(meta);
      if (template === null) return page(`${formStrings.titlePrefix}${meta.texts.pageTitle}`, <><h1>{meta.texts.pageTitle}</h1>{form}</>);
      return fillFormPage(template, { titlePrefix: formStrings.titlePrefix, form: renderToString(form) });
    },
  };
}
