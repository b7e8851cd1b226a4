/**
 * The fixture build (`npm test`, step "build fixtures": tests/fixtures/fixture.env) as the tests
 * read it: where its site and its server folder lie, and what the server reads of its content
 * (content.json, shared/lib/server-files.ts), so that server tests derive their expectations from the
 * build exactly as the server does.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { createFormRegistry, interesseFormName, type FormDefinition, type FormRegistry } from '../../shared/forms/index.ts';
import { serverDirOf, type ServerContent } from '../../shared/lib/server-files.ts';
import { readServerContent } from '../../server/http/built-site.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** The fixture build's settings (build and server read them with --env-file). */
export const FIXTURE_ENV = parseEnv(readFileSync(join(repoRoot, 'tests', 'fixtures', 'fixture.env'), 'utf8'));
/** The fixture site (dist-fixtures/) … */
export const FIXTURE_DIST = resolve(repoRoot, FIXTURE_ENV['DIST_DIR'] ?? 'dist-fixtures');
/** … and its server folder (dist-fixtures-server/). */
export const FIXTURE_SERVER_DIR = serverDirOf(FIXTURE_DIST);

/** content.json of a build (the fixture build by default); says to build first when it is missing. */
export function builtContent(serverDir: string = FIXTURE_SERVER_DIR): ServerContent {
  return readServerContent(serverDir);
}

/** The forms of a build's content.json, with their schemas. */
export function builtForms(content: ServerContent): FormRegistry {
  return createFormRegistry(content.forms);
}

/** The interest form of an offer in a build's content.json. */
export function interestForm(content: ServerContent, offerId: string): FormDefinition {
  const form = builtForms(content).get(interesseFormName(offerId));
  if (form === undefined) throw new Error(`Kein Interessenformular für „${offerId}“ in content.json.`);
  return form;
}

/** The offers of a build, as its interest forms name them ({ id, titel, href }), in the order of the site. */
export function builtOffers(content: ServerContent): { id: string; titel: string; href: string }[] {
  return content.forms.flatMap((form) => (form.offer === undefined ? [] : [form.offer]));
}
