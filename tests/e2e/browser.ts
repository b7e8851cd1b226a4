import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Playwright's own browser when it is installed; otherwise Debian's chromium (CHROMIUM_PATH or
 * /usr/bin/chromium), with the flags this offline machine needs.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  let bundled: string;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = '';
  }
  if (bundled && existsSync(bundled) && !process.env.CHROMIUM_PATH) return {};
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  };
}
