import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_LAUNCHER } from '../../scripts/lib/chromium.ts';

/**
 * Playwright's own browser when it is installed; otherwise Debian's chromium (CHROMIUM_PATH or
 * /usr/bin/chromium) through scripts/chromium.sh, with the flags this offline machine needs.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  let bundled: string;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = '';
  }
  if (bundled && existsSync(bundled) && !process.env.CHROMIUM_PATH) return {};
  return { executablePath: CHROMIUM_LAUNCHER, args: [...CHROMIUM_FLAGS] };
}
