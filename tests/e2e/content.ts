/**
 * What the specs derive their expectations from, instead of pinning editorial text: the build's
 * content.json (the forms and site facts the server reads, shared/lib/server-files.ts), and for checks
 * that a page shows every fact of its content file, the facts themselves (tests/lib/content-facts.ts).
 */
import { join } from 'node:path';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { contentFacts, type ContentFacts } from '../lib/content-facts.ts';
import { builtContent, FIXTURE_DIST } from '../lib/fixture-build.ts';
import { siteRoot } from './env.ts';

export { fixture } from '../lib/content-facts.ts';
export { builtOffers, interestForm } from '../lib/fixture-build.ts';

/** The fixture build's content.json (read when a behaviour spec asks: the `site` project runs without the fixture build). */
export const fixtureBuilt = () => builtContent(serverDirOf(FIXTURE_DIST));

/** The facts of the content of the `site` project (content/, or E2E_SITE_ROOT/content). */
export const siteContent = (): ContentFacts => contentFacts(join(siteRoot, 'content'));
/** content.json of the `site` project's build (dist/, or E2E_SITE_ROOT/dist). */
export const siteBuilt = () => builtContent(serverDirOf(join(siteRoot, 'dist')));
