import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser.ts';
import { e2ePorts, E2E_SITES, MAIL_DIRS, siteRoot } from './tests/e2e/env.ts';

const { site: port, fixtures: fixturesPort } = e2ePorts(process.env);
export const baseURL = `http://127.0.0.1:${port}`;
const fixturesURL = `http://127.0.0.1:${fixturesPort}`;

/**
 * Two sites, each built before (`npm test` builds both) and served by the real form backend:
 * - `site`: the real content (dist/, content/), or the project in E2E_SITE_ROOT. Checks that hold for
 *   any content an editor may write: axe and the page frame on every sitemap page, links, CSP,
 *   byte budgets, no third-party requests (tests/e2e/any-content/).
 * - `fixtures`: the fixture content (tests/fixtures/, dist-fixtures/). Behaviour: forms, offers,
 *   catalogue, navigation, against fictional offers editors never touch (tests/e2e/behaviour/).
 * - `cms`: the editing UI (/redaktion/) of the fixture build, whose CMS runs on its in-browser test
 *   repository (tests/fixtures/fixture.env: CMS_BACKEND=test), on the fixture site's server
 *   (tests/e2e/cms/).
 * E2E_SITES=site (or fixtures, cms) runs some of them.
 */
const fixturesServer = {
  command: 'node --env-file=tests/fixtures/fixture.env tests/e2e/serve.ts',
  url: `${fixturesURL}/healthz`,
  env: { E2E_PORT: String(fixturesPort), E2E_MAIL_DIR: MAIL_DIRS.fixtures },
};
const sites = {
  site: {
    project: { name: 'site', testDir: 'tests/e2e/any-content', use: { baseURL } },
    server: {
      command: 'node tests/e2e/serve.ts',
      url: `${baseURL}/healthz`,
      env: { E2E_PORT: String(port), DIST_DIR: `${siteRoot}/dist`, E2E_MAIL_DIR: MAIL_DIRS.site },
    },
  },
  fixtures: {
    project: { name: 'fixtures', testDir: 'tests/e2e/behaviour', use: { baseURL: fixturesURL } },
    server: fixturesServer,
  },
  cms: {
    project: { name: 'cms', testDir: 'tests/e2e/cms', timeout: 120_000, use: { baseURL: fixturesURL, actionTimeout: 15_000, trace: 'off' as const } },
    server: fixturesServer,
  },
};
// The workers take the tests in the order of the projects: the editing UI's first, as each of its
// tests is long (12 to 52 s), so that none of them is the last test left while the other worker
// idles.
const chosen = (['cms', 'site', 'fixtures'] as const).filter((name) => E2E_SITES.includes(name)).map((name) => sites[name]);

export default defineConfig({
  // Its own folder: Playwright empties it on start, and test-results/ also holds the unit report.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  // Two at once on this 2-core machine: a third brought nothing (the step took 435.3 s with two and
  // 434.7 s with three, nothing else running). E2E_WORKERS sets another number.
  workers: Number(process.env['E2E_WORKERS'] ?? 2),
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    locale: 'de-DE',
    launchOptions: chromiumLaunchOptions(),
    // A failed test keeps its trace of actions, console and network; without DOM snapshots and
    // screenshots, which cost about a quarter of the run time (readable, applicant-notice and
    // every-page on 3 pages: 77-89 s with them, 53-62 s without). `--trace on` records them.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
  },
  projects: chosen.map(({ project }) => ({ ...project, use: { ...devices['Desktop Chrome'], ...project.use, launchOptions: chromiumLaunchOptions() } })),
  webServer: [...new Set(chosen.map(({ server }) => server))].map((server) => ({ ...server, reuseExistingServer: false, timeout: 60_000, stdout: 'pipe' as const })),
});
