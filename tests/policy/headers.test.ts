/** The security-header policy (policy/headers.ts) and its files for static hosting (policy/static-hosting.ts). */
import { describe, expect, it } from 'vitest';
import { cspDirectives, editingUiCspDirectives, editingUiHeaders, HSTS, isEditingUiPath, securityHeaders, serializeCsp } from '../../policy/headers.ts';
import { headersFile, nginxSnippet } from '../../policy/static-hosting.ts';

const hash = "'sha256-abc='";

describe('Content-Security-Policy', () => {
  it('allows scripts from the site and inline only by hash, never unsafe-inline or eval', () => {
    const csp = cspDirectives({ scriptHashes: [hash], styleHashes: [], formOrigins: [], https: false });
    expect(csp['script-src']).toEqual(["'self'", hash]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(serializeCsp(csp)).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it('allows styles from the site and inline <style> blocks only by hash: no unsafe-inline, no style attribute', () => {
    const style = "'sha256-style='";
    const csp = cspDirectives({ scriptHashes: [hash], styleHashes: [style], formOrigins: [], https: false });
    expect(csp['style-src']).toEqual(["'self'", style]);
    expect(csp['style-src-attr']).toEqual(["'none'"]);
    expect(serializeCsp(csp)).not.toContain("'unsafe-inline'");
  });

  it('lets forms post and connect only to the site and the form origins, each once', () => {
    const csp = cspDirectives({ scriptHashes: [], styleHashes: [], formOrigins: ['https://formspree.io', 'https://formspree.io'], https: false });
    expect(csp['form-action']).toEqual(["'self'", 'https://formspree.io']);
    expect(csp['connect-src']).toEqual(["'self'", 'https://formspree.io']);
  });

  it('upgrades insecure requests and sends HSTS over HTTPS only', () => {
    const plain = securityHeaders({ scriptHashes: [], styleHashes: [], formOrigins: [], https: false });
    const secure = securityHeaders({ scriptHashes: [], styleHashes: [], formOrigins: [], https: true });
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(plain['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(secure['Strict-Transport-Security']).toBe(HSTS);
    expect(secure['Content-Security-Policy']).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe('files for static hosting', () => {
  const headers = securityHeaders({ scriptHashes: [hash], styleHashes: [], formOrigins: [], https: true });

  it('_headers gives every path the headers and the hashed assets a long cache', () => {
    const file = headersFile(headers);
    expect(file).toContain(`/*\n  Content-Security-Policy: ${headers['Content-Security-Policy']}\n`);
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });

  it('the nginx snippet adds every header "always", quoted', () => {
    const snippet = nginxSnippet({ ...headers, 'X-Test': 'a "b" \\c' });
    expect(snippet).toContain(`add_header Content-Security-Policy "${headers['Content-Security-Policy']}" always;`);
    expect(snippet).toContain('add_header X-Test "a \\"b\\" \\\\c" always;');
    expect(snippet.split('\n').filter((line) => line.startsWith('add_header'))).toHaveLength(Object.keys(headers).length + 1);
  });
});

describe('the editing UI (/redaktion/) has a policy of its own', () => {
  const input = { scriptHashes: [hash], gitOrigins: ['https://git.example.nrw', 'https://git.example.nrw'], https: true };

  it('connects to this site and exactly the configured git host, shows blob: previews and is never indexed', () => {
    const csp = editingUiCspDirectives(input);
    expect(csp['connect-src']).toEqual(["'self'", 'data:', 'blob:', 'https://git.example.nrw']);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://git.example.nrw']);
    expect(csp['script-src']).toEqual(["'self'", hash]);
    expect(serializeCsp(csp)).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    const headers = editingUiHeaders(input);
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(headers['X-Robots-Tag']).toBe('noindex, nofollow');
    expect(headers['Strict-Transport-Security']).toBe(HSTS);
  });

  it('without a git host (local-folder or test mode) it connects to this site only', () => {
    expect(editingUiCspDirectives({ ...input, gitOrigins: [] })['connect-src']).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('applies to the folder, its files and the page of open items, and to nothing else', () => {
    expect(['/redaktion', '/redaktion/', '/redaktion/config.yml', '/redaktion/offen/'].every(isEditingUiPath)).toBe(true);
    expect(['/', '/redaktionen/', '/angebote/redaktion/', '/admin/'].some(isEditingUiPath)).toBe(false);
  });

  it('_headers gives /redaktion/* its headers, detaching the site-wide ones that differ', () => {
    const site = securityHeaders({ scriptHashes: [hash], styleHashes: [], formOrigins: [], https: true });
    const file = headersFile(site, editingUiHeaders(input));
    const block = file.slice(file.indexOf('/redaktion/*'));
    expect(block).toContain('  ! Content-Security-Policy\n');
    expect(block).toContain('  ! Cross-Origin-Opener-Policy\n');
    expect(block).toContain(`  Content-Security-Policy: ${editingUiHeaders(input)['Content-Security-Policy']}\n`);
    expect(block).toContain('  X-Robots-Tag: noindex, nofollow\n');
    expect(block).not.toContain('X-Content-Type-Options');
  });
});
