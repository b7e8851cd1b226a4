/**
 * The build as an editor meets it: a broken reference, a missing download file or a wrong date fails
 * the build with a German message that names file and field; an editorial gap is listed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type TempProject } from '../../scripts/lib/temp-project.ts';

describe('content errors in a real build', { timeout: 180_000 }, () => {
  let project: TempProject;
  const offerFile = () => join(project.root, 'content/offers/aufenthaltstitel.mdx');
  const original = readFileSync('content/offers/aufenthaltstitel.mdx', 'utf8');

  beforeEach(() => {
    project = createTempProject();
  });
  afterEach(() => project.remove());

  it('a missing contact and a missing download file fail the build, naming file and field', async () => {
    writeFileSync(offerFile(), original.replace('  - cansu-aktepe\n', '  - cansu-aktepe\n  - max-muster\n'));
    rmSync(join(project.root, 'public/downloads/einzelabruf-aufenthaltstitel.pdf'));
    const result = await buildProject(project.root);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Der Inhalt hat 2 Fehler');
    expect(result.output).toContain(
      'content/offers/aufenthaltstitel.mdx, Feld „kontakte“: „max-muster“ gibt es nicht. Legen Sie content/contacts/max-muster.yaml an oder korrigieren Sie den Namen.',
    );
    expect(result.output).toContain(
      'content/downloads/einzelabruf-aufenthaltstitel.yaml, Feld „datei“: Die Datei public/downloads/einzelabruf-aufenthaltstitel.pdf fehlt.',
    );
  });

  it('a date in German notation fails the build with the schema message for editors', async () => {
    writeFileSync(offerFile(), original.replace(/^titel: /m, 'stand: 28.11.2026\ntitel: '));
    const result = await buildProject(project.root);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('aufenthaltstitel');
    expect(result.output).toContain('Das Feld „stand“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.');
  });

  it('a new editorial gap builds and is listed with file and line', async () => {
    writeFileSync(offerFile(), original.replace(/^umsetzer: .*$/m, 'umsetzer: "[LÜCKE: Umsetzer bestätigen]"'));
    const line = original.split('\n').findIndex((l) => l.startsWith('umsetzer:')) + 1;
    const result = await buildProject(project.root);
    expect(result.code, result.output.slice(-2000)).toBe(0);
    expect(result.output).toMatch(/\d+ offene redaktionelle Lücke\(n\) – bitte ergänzen:/);
    expect(result.output).toContain(`content/offers/aufenthaltstitel.mdx:${line}  Umsetzer bestätigen`);
    const html = readFileSync(join(project.root, 'dist/angebote/aufenthaltstitel/index.html'), 'utf8');
    expect(html).toContain('wird ergänzt');
    expect(html).not.toContain('LÜCKE');
  });
});
