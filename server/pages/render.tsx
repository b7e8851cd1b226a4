/**
 * Puts the server's pages into the site's frame. Everything the server shows is rendered by
 * Preact (preact-render-to-string) from components: the form from src/forms/view/, its own pages
 * from server/pages/*.tsx. The frame comes from the build's server folder (frame.html, see
 * src/lib/server-files.ts), a form's error page from the form's built page; both are read once.
 * Without a frame the pages get a bare document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FormMeta } from '../../src/forms/index.ts';
import { hasFormIsland, prefixTitle, replaceFormIsland } from '../../src/lib/frame.ts';
import { assertSlots, FRAME_FILE, FRAME_MAIN, FRAME_TITLE, fillFrame } from '../../src/lib/server-files.ts';
import { formStrings } from '../../src/strings/form.ts';

/** What the server's pages say about the organisation. */
export interface PageContext {
  readonly portalName: string;
  readonly postfach: string;
}

export interface PageRenderer {
  readonly context: PageContext;
  /** A page of the server: `title` for <title>, `main` the content of <main> (with its h1). */
  page(title: string, main: VNode): string;
  /**
   * A form's page with `form` (the server-rendered form with errors and input) in place of the
   * island and "Fehler: " before the title; a framed page with the form's title when the site
   * has no built page for the form.
   */
  formError(meta: FormMeta, form: VNode): string;
}

/** The document for a backend without a built site: no stylesheet, no header, just the content. */
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
        <main id="inhalt" dangerouslySetInnerHTML={{ __html: FRAME_MAIN }} />
      </body>
    </html>
  );
}

/** The built frame in the server's folder, or null when it is not there. */
function readFrame(serverDir: string): string | null {
  const file = join(serverDir, FRAME_FILE);
  if (!existsSync(file)) return null;
  const frame = readFileSync(file, 'utf8');
  assertSlots(frame, [FRAME_TITLE, FRAME_MAIN], file);
  return frame;
}

export function createPageRenderer(distDir: string | null, serverDir: string, context: PageContext): PageRenderer {
  const frame = readFrame(serverDir) ?? `<!DOCTYPE html>${renderToString(<BareDocument portalName={context.portalName} />)}`;
  const formPages = new Map<string, string | null>();
  /** The built page of a form with its island, read on first use. */
  const formPage = (meta: FormMeta): string | null => {
    if (!formPages.has(meta.name)) {
      const file = distDir === null ? null : join(distDir, meta.path, 'index.html');
      const html = file !== null && existsSync(file) ? readFileSync(file, 'utf8') : null;
      formPages.set(meta.name, html !== null && hasFormIsland(html) ? html : null);
    }
    return formPages.get(meta.name) ?? null;
  };
  const page = (title: string, main: VNode): string => fillFrame(frame, { title, main: renderToString(main) });
  return {
    context,
    page,
    formError(meta, form) {
      const html = formPage(meta);
      if (html === null) return page(`${formStrings.titlePrefix}${meta.texts.pageTitle}`, <><h1>{meta.texts.pageTitle}</h1>{form}</>);
      return prefixTitle(replaceFormIsland(html, renderToString(form)), formStrings.titlePrefix);
    },
  };
}
