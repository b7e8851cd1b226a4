/** The repository the editing UI's tests put into the CMS: the fixture content and download files. */
import { join } from 'node:path';
import { repositoryFiles, type RepositoryFiles } from '../../../scripts/lib/cms-browser.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** The fixture content, under the paths the fixture build's CMS configuration names (tests/fixtures/…). */
export const fixtureRepository = (): RepositoryFiles => repositoryFiles(root, [join(root, 'tests', 'fixtures', 'content'), join(root, 'tests', 'fixtures', 'public', 'downloads')]);
