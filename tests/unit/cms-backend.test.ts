/**
 * The editing UI's CMS_* settings (shared/lib/env.ts) and the backend they make (src/cms/backend.ts):
 * a wrong or missing value stops the build with a German message naming the variable; without
 * CMS_BACKEND only the local-folder mode is on and no git host is ever contacted.
 */
import { describe, expect, it } from 'vitest';
import { cmsBackend } from '../../src/cms/backend.ts';
import { readCmsEnv } from '../../shared/lib/env.ts';

const SITE = 'https://portal.example/';
const gitlab = { CMS_BACKEND: 'gitlab', CMS_REPO: 'd-nrw/kommunalvertreter', CMS_BASE_URL: 'https://git.example.nrw/', CMS_APP_ID: 'abc123' };

describe('CMS settings', () => {
  it('without CMS_BACKEND: the local-folder mode only, no git host', () => {
    const backend = cmsBackend(readCmsEnv({}), SITE);
    expect(backend.mode).toBe('local');
    expect(backend.gitOrigins).toEqual([]);
    // A placeholder that signs in by token only, and only with this site.
    expect(backend.config).toMatchObject({ name: 'gitea', auth_methods: ['token'], base_url: 'https://portal.example', api_root: 'https://portal.example/redaktion/ohne-git-host' });
    expect(backend.config).not.toHaveProperty('app_id');
  });

  it('test: the CMS’s in-browser test repository', () => {
    expect(cmsBackend(readCmsEnv({ CMS_BACKEND: 'test' }), SITE)).toEqual({ mode: 'test', config: { name: 'test-repo' }, gitOrigins: [] });
  });

  it('gitlab: a self-hosted GitLab with PKCE sign-in; the API below the same host unless CMS_API_ROOT says otherwise', () => {
    const backend = cmsBackend(readCmsEnv(gitlab), SITE);
    expect(backend.config).toEqual({
      name: 'gitlab',
      repo: 'd-nrw/kommunalvertreter',
      branch: 'main',
      base_url: 'https://git.example.nrw',
      api_root: 'https://git.example.nrw/api/v4',
      auth_type: 'pkce',
      app_id: 'abc123',
    });
    expect(backend.gitOrigins).toEqual(['https://git.example.nrw']);
    const split = cmsBackend(readCmsEnv({ ...gitlab, CMS_API_ROOT: 'https://api.git.example.nrw/api/v4/', CMS_BRANCH: 'redaktion' }), SITE);
    expect(split.config).toMatchObject({ api_root: 'https://api.git.example.nrw/api/v4', branch: 'redaktion' });
    expect(split.gitOrigins).toEqual(['https://git.example.nrw', 'https://api.git.example.nrw']);
  });

  it('gitea: Gitea or Forgejo; without an OAuth application editors sign in with a token', () => {
    const backend = cmsBackend(readCmsEnv({ CMS_BACKEND: 'gitea', CMS_REPO: 'kv/portal', CMS_BASE_URL: 'https://forgejo.example' }), SITE);
    expect(backend.config).toEqual({ name: 'gitea', repo: 'kv/portal', branch: 'main', base_url: 'https://forgejo.example', api_root: 'https://forgejo.example/api/v1' });
  });

  it('names every wrong or missing variable in German', () => {
    expect(() => readCmsEnv({ CMS_BACKEND: 'github' })).toThrow('CMS_BACKEND="github": erlaubt sind gitlab, gitea oder test');
    const message = (() => {
      try {
        readCmsEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'ohne-gruppe', CMS_BASE_URL: 'ftp://git.example' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('CMS_REPO="ohne-gruppe": Schreiben Sie Gruppe und Projekt mit Schrägstrich');
    expect(message).toContain('CMS_BASE_URL: „ftp://git.example“ muss mit http:// oder https:// beginnen.');
    expect(() => readCmsEnv({ ...gitlab, CMS_APP_ID: '' })).toThrow('CMS_APP_ID fehlt: Für CMS_BACKEND=gitlab braucht die Redaktionsoberfläche die ID der OAuth-Anwendung');
    expect(() => readCmsEnv({ CMS_BACKEND: 'gitea' })).toThrow(/CMS_REPO fehlt[\s\S]*CMS_BASE_URL fehlt/);
    expect(() => readCmsEnv({ ...gitlab, CMS_BRANCH: 'a b' })).toThrow('CMS_BRANCH="a b" ist kein gültiger Branch-Name.');
  });
});
