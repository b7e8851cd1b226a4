/**
 * Debian's nginx with one of the shipped configurations from deploy/, for the tests: not as a daemon,
 * on free loopback ports, with a throwaway self-signed certificate. Only the lines a test machine
 * must change are replaced (listen, certificate, and what the caller names), each of which must
 * occur exactly once, so a config that changed shape fails loudly.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/lib/free-port.ts';
import { tempDir } from '../../scripts/lib/temp-dir.ts';
import { waitFor } from '../../scripts/lib/wait-for.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

export interface Nginx {
  readonly https: string;
  readonly http: string;
  /** nginx's own messages so far (start-up errors). */
  output(): string;
  /** The request lines nginx logged so far (its access log). */
  accessLog(): string;
  stop(): void;
}

export interface NginxOptions {
  /** The file in deploy/, e. g. nginx.conf. */
  config: string;
  /** More lines to replace: [pattern of the whole line, replacement]. */
  replace?: readonly (readonly [RegExp, string])[];
  /** Writes what the config includes into nginx's prefix folder before it starts. */
  prepare?: (prefix: string) => void;
  /** True once the server answers (given the HTTPS base address). */
  ready: (https: string) => Promise<boolean>;
}

/** Replaces one line pattern of a shipped config, failing loudly when the file changed shape. */
function replaceOnce(text: string, file: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm')) ?? [];
  if (matches.length !== 1) throw new Error(`deploy/${file}: ${pattern} kommt ${matches.length}-mal vor, erwartet 1-mal; passen Sie tests/lib/nginx.ts oder den Test an.`);
  return text.replace(new RegExp(pattern.source, 'm'), replacement);
}

export async function startNginx({ config, replace = [], prepare, ready }: NginxOptions): Promise<Nginx> {
  if (nginxBinary === undefined) {
    throw new Error('nginx fehlt: installieren Sie es (apt-get install nginx; .ci/run tut das auf einer frischen Maschine). Dieser Test wird nicht übersprungen.');
  }
  const tmp = tempDir('kv-nginx-');
  const temp = (name: string) => join(tmp.path, name);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', temp('key.pem'), '-out', temp('cert.pem'),
  ], { stdio: 'pipe' });
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const lines: (readonly [RegExp, string])[] = [
    [/^\s*listen 80;$/, `    listen 127.0.0.1:${httpPort};`],
    [/^\s*listen \[::\]:80;$/, ''],
    [/^\s*listen 443 ssl http2;$/, `    listen 127.0.0.1:${httpsPort} ssl http2;`],
    [/^\s*listen \[::\]:443 ssl http2;$/, ''],
    [/^\s*ssl_certificate \S+;$/, `    ssl_certificate ${temp('cert.pem')};`],
    [/^\s*ssl_certificate_key \S+;$/, `    ssl_certificate_key ${temp('key.pem')};`],
    ...replace,
  ];
  const site = lines.reduce((text, [pattern, replacement]) => replaceOnce(text, config, pattern, replacement), readFileSync(join(repoRoot, 'deploy', config), 'utf8'));
  writeFileSync(temp('site.conf'), site);
  prepare?.(tmp.path);
  writeFileSync(
    temp('nginx.conf'),
    `daemon off;\nmaster_process off;\nworker_processes 1;\nerror_log stderr warn;\npid ${temp('nginx.pid')};\nevents { worker_connections 1024; }\nhttp {\n` +
      `    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n    log_format request '$request';\n    access_log ${temp('access.log')} request;\n` +
      ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `    ${n}_temp_path ${temp(n)};\n`).join('') +
      `    include ${temp('site.conf')};\n}\n`,
  );
  let output = '';
  const child = spawn(nginxBinary, ['-e', 'stderr', '-p', tmp.path, '-c', temp('nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => {
    child.kill('SIGTERM');
    tmp.remove();
  };
  const https = `https://127.0.0.1:${httpsPort}`;
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`nginx hat sich beendet:\n${output}`);
      return ready(https).catch(() => false);
    }, 10_000, 50);
  } catch (error) {
    stop();
    throw error instanceof Error && error.message.startsWith('nginx') ? error : new Error(`nginx antwortet nicht:\n${output}`, { cause: error });
  }
  const accessLog = () => (existsSync(temp('access.log')) ? readFileSync(temp('access.log'), 'utf8') : '');
  return { https, http: `http://127.0.0.1:${httpPort}`, output: () => output, accessLog, stop };
}
