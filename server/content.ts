/**
 * Reads what the server needs from the editors' content, so that no fact is written twice:
 * the organisation's mailbox from content/site/site.yaml (default recipient and mailto fallback)
 * and the interest form's Antragsstrecken from the offer's frontmatter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { antragsstreckenOptions, INTERESSE_OFFER } from '../src/forms/antragsstrecken.ts';

/** The facts of content/site/site.yaml the server uses. */
export interface SiteFacts {
  readonly portalName: string;
  readonly postfach: string;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: erwartet wurde ein Objekt.`);
  }
  return value as Record<string, unknown>;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: erwartet wurde ein Text.`);
  return value.trim();
}

export function readSiteFacts(contentDir: string): SiteFacts {
  const file = join(contentDir, 'site', 'site.yaml');
  const site = record(parse(readFileSync(file, 'utf8')), file);
  const organisation = record(site['organisation'], `${file} → organisation`);
  return {
    portalName: string(site['portalName'], `${file} → portalName`),
    postfach: string(organisation['postfach'], `${file} → organisation → postfach`),
  };
}

/** The YAML frontmatter of an MDX file as an object. */
export function readFrontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new Error(`${file}: der Frontmatter-Block (--- … ---) fehlt.`);
  return record(parse(match[1] ?? ''), file);
}

/** The Antragsstrecken of the interest form's offer, exactly as the page lists them. */
export function readInteresseOptions(contentDir: string, offer: string = INTERESSE_OFFER): string[] {
  const file = join(contentDir, 'offers', `${offer}.mdx`);
  const frontmatter = readFrontmatter(file);
  const leistungen = frontmatter['leistungen'];
  if (!Array.isArray(leistungen)) throw new Error(`${file} → leistungen: erwartet wurde eine Liste.`);
  const parsed = leistungen.map((entry, index) => {
    const leistung = record(entry, `${file} → leistungen[${index}]`);
    const strecken = leistung['antragsstrecken'];
    if (!Array.isArray(strecken)) throw new Error(`${file} → leistungen[${index}] → antragsstrecken: erwartet wurde eine Liste.`);
    return { antragsstrecken: strecken.map((s, i) => string(s, `${file} → leistungen[${index}] → antragsstrecken[${i}]`)) };
  });
  return antragsstreckenOptions({ leistungen: parsed });
}
