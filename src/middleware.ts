/**
 * Last touch on every built page: editorial gap markers ("[LÜCKE: …]") become "wird ergänzt".
 */
import { defineMiddleware } from 'astro:middleware';
import { renderGaps } from './lib/gaps.ts';
import { de } from './strings/de.ts';

const GAP_HTML = `<em class="luecke" title="${de.gapLabel}">${de.gap}</em>`;

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  return new Response(renderGaps(html, GAP_HTML, de.gap), response);
});
