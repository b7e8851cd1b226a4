/**
 * The content a site was built from, read the way the form server reads it (the build's schemas),
 * so that specs derive what they expect from the content instead of pinning editorial text.
 */
import { join } from 'node:path';
import { readContent, type ServerContent } from '../../server/content.ts';
import { createFormRegistry, interesseFormName, type FormDefinition } from '../../src/forms/index.ts';
import { siteRoot } from './env.ts';

export { fixture } from '../server/helpers.ts';

/** The content of the `site` project (content/, or E2E_SITE_ROOT/content). */
export const siteContent = (): ServerContent => readContent(join(siteRoot, 'content'));

/** The interest form of an offer of the given content. */
export function interestForm(content: ServerContent, offerId: string): FormDefinition {
  const form = createFormRegistry(content.offers).get(interesseFormName(offerId));
  if (form === undefined) throw new Error(`Kein Interessenformular für „${offerId}“.`);
  return form;
}
