/**
 * Pieces of the load benchmark (scripts/bench/load.ts): the submission it posts, autocannon as a
 * child process, the one-row-per-transaction insert rate of a store (through the store's own code
 * and migrations) and the admin login its servers get.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createFormRegistry, validateSubmission, type FormDefinition } from '../../shared/forms/index.ts';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { readServerContent } from '../../server/http/built-site.ts';
import { openStore, type StoreLocation } from '../../server/store/index.ts';
import { exited, ROOT } from './processes.ts';

/** The admin login (exports) and the /metrics token the bench gives its servers. */
export const BENCH_ADMIN = { ADMIN_USER: 'bench', ADMIN_PASSWORD: 'bench-geheim-4711', METRICS_TOKEN: 'bench-metriken-0123456789abcdef0123' } as const;

/** The interest form of the build's first offer (dist-server/content.json): the form the load posts to (no code names an offer). */
export function benchForm(): FormDefinition {
  const { forms } = readServerContent(serverDirOf(join(ROOT, 'dist')));
  const first = forms.find((form) => form.offer !== undefined);
  const form = first === undefined ? undefined : createFormRegistry(forms).get(first.name);
  if (form === undefined) throw new Error('Der Build enthält kein Angebot: der Lasttest braucht ein Interessenformular.');
  return form;
}

/** A valid, realistic submission of `form`; `[<id>]` is replaced by autocannon with a unique id. */
export function interesseSubmission(form: FormDefinition): Record<string, unknown> {
  const options = form.fields.find((field) => field.type === 'checkboxes')?.options ?? [];
  const submission = {
    behoerde: 'Stadt Musterstadt, Ausländerbehörde [<id>]',
    ags: '05913000',
    ansprechperson: 'Erika Mustermann',
    funktion: 'Leitung der Ausländerbehörde',
    email: 'erika.mustermann@musterstadt.example',
    telefon: '0231 123456',
    antragsstrecken: options.slice(0, 3),
    start: '2027-03',
    nachricht:
      'Wir möchten die Antragsstrecken zum 1. März 2027 einführen und bitten um einen Termin für die ' +
      'Rahmenvereinbarung. Bitte nennen Sie uns auch die Ansprechpartner für das Onboarding und die ' +
      'voraussichtlichen Betriebskosten nach Anlage 3 für eine Behörde mit rund 40.000 Vorgängen im Jahr.',
  };
  const result = validateSubmission(form, submission);
  if (!result.ok) throw new Error(`Die Bench-Einsendung ist ungültig: ${JSON.stringify(result.errors)}`);
  return submission;
}

/**
 * Durable one-submission transactions per second of a store, for `seconds`: the store's own
 * saveSubmissions with one row (reference counter, submission and outbox entry), one after another.
 */
export async function singleRowRate(location: StoreLocation, seconds: number, data: Record<string, unknown>): Promise<number> {
  const store = openStore(location);
  try {
    await store.schemaVersion();
    let rows = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      await store.saveSubmissions([{ form: 'interesse', prefix: 'BENCH', data, spam: false }]);
      rows += 1;
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
  }
}

/** What autocannon --json prints (the parts used here). */
export interface CannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; sent: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

export async function autocannon(url: string, origin: string, body: string, connections: number, seconds: number): Promise<CannonResult> {
  const cli = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const args = [cli, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-I'];
  args.push('-H', 'content-type=application/json', '-H', 'accept=application/json', '-H', `origin=${origin}`, '-b', body, url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await exited(child);
  if (code !== 0) throw new Error(`autocannon ist mit Exit ${code} beendet worden: ${err.slice(-500)}`);
  return JSON.parse(out) as CannonResult;
}

