import { fileURLToPath } from 'node:url';

/** Debian's chromium on this offline machine: where it is and the flags it needs (browser tests, Lighthouse). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * What Playwright and Lighthouse start instead of chromium itself: scripts/chromium.sh runs
 * CHROMIUM_PATH (default Debian's chromium) with the --disable-features lists of Playwright (or
 * chrome-launcher) and of CHROMIUM_FLAGS merged into one.
 */
export const CHROMIUM_LAUNCHER = fileURLToPath(new URL('../chromium.sh', import.meta.url));

/**
 * Without the background-networking flags Chromium keeps trying to reach Google's hosts. The
 * features turned off are browser work no page asks for: the address bar's suggestion pop-ups,
 * which headless Chromium loads as web pages into every new window and updates on every navigation,
 * and the spare renderer process kept ready for the next tab, which a test's new browser context
 * does not use. Without them a new context with its first page costs about 0.9 instead of 1.5 CPU
 * seconds, and a navigation 0.1 instead of 0.27 (Chromium 156 on the 2-core test machine).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
] as const;
