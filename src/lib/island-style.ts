/**
 * Astro writes the style block its islands need (`astro-island{display:contents}`) into the body,
 * right before the first island; a <style> in the body is not valid HTML. This moves it into the head.
 */
const ISLAND_STYLE = /<style>(astro-island,[^<]*)<\/style>/;

export function hoistIslandStyle(html: string): string {
  const match = ISLAND_STYLE.exec(html);
  const headEnd = html.indexOf('</head>');
  if (!match || headEnd === -1 || match.index < headEnd) return html;
  const withoutStyle = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  return `${withoutStyle.slice(0, headEnd)}${match[0]}${withoutStyle.slice(headEnd)}`;
}
