/**
 * The build's pass over a form page (src/lib/form-page.ts): a <style> in the body moves into the
 * head and nothing else of the page changes; the server's template has the title prefix and the
 * form slot in place of what our own element held.
 */
import { describe, expect, it } from 'vitest';
import { formPage } from '../../src/lib/form-page.ts';
import { FORM_SLOT, FORM_SLOT_ATTRIBUTE, FORM_SLOT_VALUE, FORM_TITLE_PREFIX, fillFormPage } from '../../shared/lib/server-files.ts';

const slot = `${FORM_SLOT_ATTRIBUTE}="${FORM_SLOT_VALUE}"`;
const head = '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Interesse &amp; mehr</title><style>main{}</style></head>';

describe('a form page', () => {
  it('moves each <style> of the body to the end of the head, byte for byte, and leaves the rest as it was', () => {
    const html = `${head}<body><main><h1>Formular</h1><div ${slot}><style>x-island{display:contents}</style><script>a()</script><x-island props="{&quot;a&quot;:1}"><form action="/f/a"><div><input name="a"></div></form></x-island></div><style>b{}</style><p hidden>Ende</p></main></body></html>`;
    const { page } = formPage(html, 'a.html');
    expect(page).toBe(
      `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Interesse &amp; mehr</title><style>main{}</style><style>x-island{display:contents}</style><style>b{}</style></head>` +
        `<body><main><h1>Formular</h1><div ${slot}><script>a()</script><x-island props="{&quot;a&quot;:1}"><form action="/f/a"><div><input name="a"></div></form></x-island></div><p hidden>Ende</p></main></body></html>`,
    );
    const plain = `${head}<body><div ${slot}><form></form></div></body></html>`;
    expect(formPage(plain, 'b.html').page).toBe(plain);
  });

  it('makes the template: the title prefix slot after <title>, the form slot in place of the content of our element, however deeply it nests', () => {
    const html = `${head}<body><main><div ${slot}><style>s{}</style><script>a()</script><x-island><form><div><div><input name="a"></div></div></form></x-island></div><p>danach</p></main></body></html>`;
    const { template } = formPage(html, 'a.html');
    expect(template).toBe(
      `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${FORM_TITLE_PREFIX}Interesse &amp; mehr</title><style>main{}</style><style>s{}</style></head>` +
        `<body><main><div ${slot}>${FORM_SLOT}</div><p>danach</p></main></body></html>`,
    );
    // A `$&` in the form stays as it is (no replacement pattern); the prefix is text.
    const filled = fillFormPage(template, { titlePrefix: 'Fehler <1>: ', form: '<form>$&</form>' });
    expect(filled).toContain('<title>Fehler &lt;1&gt;: Interesse &amp; mehr</title>');
    expect(filled).toContain(`<div ${slot}><form>$&</form></div>`);
  });

  it('stops the build, naming the page, without exactly one element of ours or without a title', () => {
    expect(() => formPage(`${head}<body><form></form></body></html>`, 'dist/x/index.html')).toThrow(
      `dist/x/index.html: die Seite muss genau ein Element mit ${slot} haben (src/components/form/Form.astro), sie hat 0.`,
    );
    expect(() => formPage(`${head}<body><div ${slot}></div><div ${slot}></div></body></html>`, 'y.html')).toThrow('sie hat 2.');
    expect(() => formPage(`<html><head></head><body><div ${slot}></div></body></html>`, 'z.html')).toThrow('z.html: die Seite hat keinen <head> mit <title>.');
  });
});
