/**
 * `npm run cms:normalise`: writes every file of content/ the way the editing UI writes it on its
 * first save (YAML comments gone, folded text on one line, keys in the schema's order, Markdown as
 * the CMS writes it), so that an editor's first save in the CMS changes only what they changed.
 * The real CMS, on its test backend in a built copy of the project, opens and saves every entry
 * (scripts/lib/cms-round-trip.ts, the round trip of tests/e2e/cms/round-trip.spec.ts); the files it
 * changed are written back into content/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryFiles } from './lib/cms-browser.ts';
import { editingUiPreview } from './lib/cms-preview.ts';
import { roundTrip } from './lib/cms-round-trip.ts';

const root = process.cwd();
const preview = await editingUiPreview(root);
try {
  const content = repositoryFiles(root, [join(root, 'content'), join(root, 'public')]);
  const config = await preview.text('/redaktion/config.yml');
  const { entries, files } = await roundTrip(await preview.page(), content, config, preview.base);
  const changed = entries.filter(({ file }) => !files.get(file)?.equals(content.get(file) ?? Buffer.alloc(0)));
  for (const { file } of changed) writeFileSync(join(root, file), files.get(file) ?? Buffer.alloc(0));
  console.log(`${entries.length} Einträge in der Redaktionsoberfläche geöffnet und gespeichert; ${changed.length} Datei(en) neu geschrieben:`);
  for (const { file } of changed) console.log(`  ${file}`);
} finally {
  await preview.close();
}
