import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
export const baseURL = `http://127.0.0.1:${port}`;

// Runs against the built site (dist/) served by the real form backend, like users see it.
export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it on start, and test-results/ also holds the unit report.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'de-DE',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } }],
  webServer: {
    command: `node tests/e2e/serve.ts`,
    url: `${baseURL}/healthz`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
