import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';
import { CHROMIUM_FLAGS, DEBIAN_CHROMIUM } from '../../scripts/lib/chromium.ts';

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
  return { executablePath: process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM, args: [...CHROMIUM_FLAGS] };
}
