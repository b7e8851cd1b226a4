/**
 * The server reads the content only as the build wrote it for the server (content.json in the
 * build's server folder, shared/lib/server-files.ts): every form of the fixture build, in the order
 * of the site, with the site facts it uses; a missing or broken file stops the server with a
 * German message that says what to do; a form the build no longer has is gone.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { CONTENT_FILE, serverDirOf, type ServerContent } from '../../shared/lib/server-files.ts';
import { fixture as facts } from '../lib/content-facts.ts';
import { createTestApp, fixture, fixtureOffers, handMadeBuild, json, markBuilt, repoRoot, validInteresse, type HandMadeBuild } from './helpers.ts';

describe('the fixture build', () => {
  it('has every offer of the content as an interest form, in the order of `reihenfolge`, then the barrier report', () => {
    expect(fixtureOffers.map((offer) => offer.id)).toEqual(facts.offers.map((offer) => offer.id));
    expect(fixtureOffers.map((offer) => offer.titel)).toEqual(facts.offers.map((offer) => offer.titel));
    expect(fixture.forms.map((form) => form.name).at(-1)).toBe('barriere-melden');
    const { postfach, bebpoEmpfaenger, anschrift } = facts.site.organisation;
    expect(fixture.site).toEqual({ portalName: facts.site.portalName, postfach, bebpoEmpfaenger, anschrift });
  });
});

describe('the build the server runs on', () => {
  let build: HandMadeBuild;
  const contentFile = () => join(serverDirOf(build.dist), CONTENT_FILE);
  const load = (env: Record<string, string> = {}) => loadConfig({ DIST_DIR: build.dist, ...env }, repoRoot);

  beforeEach(() => {
    build = handMadeBuild('kv-content-');
    markBuilt(build.dist);
  });
  afterEach(() => build.remove());

  it('reads its content from the build, not from CONTENT_DIR', () => {
    const config = load({ CONTENT_DIR: join(build.path, 'gibt-es-nicht') });
    expect([...config.forms.keys()]).toEqual(fixture.forms.map((form) => form.name));
    expect(config.postfach).toBe(fixture.site.postfach);
  });

  it('missing: the server does not start, and says which file is missing and what to do', () => {
    rmSync(contentFile());
    expect(() => load()).toThrow(`Der Server startet nicht: ${contentFile()} fehlt. Bauen Sie die Website (npm run build) oder setzen Sie DIST_DIR auf den Ordner eines Builds.`);
  });

  it('broken or of another format: the server does not start and asks for a new build', () => {
    writeFileSync(contentFile(), '{');
    expect(() => load()).toThrow(`${contentFile()} ist kein gültiges JSON. Bauen Sie die Website neu (npm run build).`);
    writeFileSync(contentFile(), JSON.stringify({ version: 1, site: { portalName: 'X' }, forms: [] }));
    expect(() => load()).toThrow(`${contentFile()} hat nicht das erwartete Format. Bauen Sie die Website neu (npm run build).`);
  });

  it('a form the build no longer has (its offer was removed) is gone', async () => {
    const [, removed] = fixtureOffers;
    const content = JSON.parse(readFileSync(contentFile(), 'utf8')) as ServerContent;
    writeFileSync(contentFile(), JSON.stringify({ ...content, forms: content.forms.filter((form) => form.offer?.id !== removed?.id) }));
    const t = await createTestApp({ DIST_DIR: build.dist, SERVE_SITE: 'false' });
    try {
      expect([...t.config.forms.keys()]).toEqual(fixture.forms.map((form) => form.name).filter((name) => name !== `interesse-${removed?.id}`));
      const res = await t.app.inject({ method: 'POST', url: `/f/interesse-${removed?.id}`, payload: validInteresse(), headers: json });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ errors: [{ code: 'FORM_NOT_FOUND' }] });
    } finally {
      await t.close();
    }
  });

  it('a form key for a form that does not exist stops the server with a German message naming the variable', () => {
    expect(() => load({ FORM_KEY_INTERESSE: 'alt' })).toThrow(/FORM_KEY_INTERESSE: Ein solches Formular gibt es nicht/);
  });
});
