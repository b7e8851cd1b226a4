/**
 * Where the editing UI reads and writes the content: the CMS settings of the build (CMS_* in
 * shared/lib/env.ts) as the `backend` of Sveltia CMS's configuration, and the origins of the git host,
 * which the Content-Security-Policy of /redaktion/ allows and nothing else (policy/headers.ts).
 */
import type { CmsEnv } from '../../shared/lib/env.ts';

/** How editors work with this build's editing UI. */
export type CmsMode = 'local' | 'test' | 'gitlab' | 'gitea';

export interface CmsBackend {
  readonly mode: CmsMode;
  /** The `backend` section of the CMS configuration. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Origins the editing UI talks to besides its own: the git host's sign-in and API. */
  readonly gitOrigins: readonly string[];
}

const API_PATH = { gitlab: '/api/v4', gitea: '/api/v1' } as const;

/** The project's name, shown when an editor picks the folder of their clone (local-folder mode). */
const LOCAL_REPO = 'lokal/kommunalvertreter';

/** Where the local-folder mode's placeholder backend points: nowhere but this site. */
export const NO_GIT_HOST_PATH = '/redaktion/ohne-git-host';

export function cmsBackend(env: CmsEnv, siteUrl: string): CmsBackend {
  const mode = env.CMS_BACKEND ?? 'local';
  if (mode === 'test') return { mode, config: { name: 'test-repo' }, gitOrigins: [] };
  if (mode === 'local') {
    // The CMS offers its local-folder mode only next to a git backend, and only on this machine
    // (localhost). This one signs in by token only (no OAuth application needed), and its addresses
    // are on this site: nothing is ever sent to a git host. The page hides its token sign-in
    // (files.ts), so the local folder is the one way in.
    const site = new URL(siteUrl).origin;
    return {
      mode,
      config: { name: 'gitea', repo: env.CMS_REPO ?? LOCAL_REPO, branch: env.CMS_BRANCH, base_url: site, api_root: `${site}${NO_GIT_HOST_PATH}`, auth_methods: ['token'] },
      gitOrigins: [],
    };
  }
  // Checked by cmsEnvSchema: a git backend has a repository and a host.
  const baseUrl = env.CMS_BASE_URL ?? '';
  const apiRoot = env.CMS_API_ROOT ?? `${baseUrl}${API_PATH[mode]}`;
  const config = {
    name: mode,
    repo: env.CMS_REPO ?? '',
    branch: env.CMS_BRANCH,
    base_url: baseUrl,
    api_root: apiRoot,
    ...(mode === 'gitlab' ? { auth_type: 'pkce' } : {}),
    ...(env.CMS_APP_ID === undefined ? {} : { app_id: env.CMS_APP_ID }),
  };
  return { mode, config, gitOrigins: [...new Set([baseUrl, new URL(apiRoot).origin])] };
}
