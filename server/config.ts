/**
 * The server's configuration, read from environment variables (documented in .env.example).
 * Every value has a default that works for `npm start` on one machine; a wrong value stops the
 * start with a message that names the variable.
 */
import { resolve } from 'node:path';
import { FORM_NAMES, type FormName } from '../src/forms/index.ts';
import { readSiteFacts } from './content.ts';

export interface OutboxConfig {
  /** How often the worker looks for due mails. */
  readonly pollMs: number;
  /** Delay before the first retry; it doubles with each failed attempt. */
  readonly baseDelayMs: number;
  /** Longest delay between two attempts. */
  readonly maxDelayMs: number;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Public origin of the site, e. g. https://kommunalvertreter.nrw; thank-you pages live there. */
  readonly siteUrl: string;
  /** Origins allowed to post forms and to be redirected to (`_next`). */
  readonly allowedOrigins: readonly string[];
  /** Fastify's trustProxy: false, true, a hop count or a list of addresses/CIDRs. */
  readonly trustProxy: boolean | number | string[];
  readonly dataDir: string;
  readonly contentDir: string;
  /** The built site to serve, or null to serve only the form backend. */
  readonly distDir: string | null;
  /** Form posts per client address and minute. */
  readonly formRateLimit: number;
  /** Accepted form keys (URL /f/<key>) and the form each one means. */
  readonly formKeys: Readonly<Record<string, FormName>>;
  /** SMTP server as URL (smtp://user:pass@host:587); empty keeps mails in the outbox. */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly notifyTo: string;
  /** The organisation's public mailbox (site.yaml), offered as fallback on error pages. */
  readonly postfach: string;
  readonly portalName: string;
  readonly adminUser: string;
  /** Empty: the admin area does not exist (404). */
  readonly adminPassword: string;
  readonly outbox: OutboxConfig;
  readonly logLevel: string;
  /** Origin of an external form endpoint the pages post to (PUBLIC_FORM_ENDPOINT), for the CSP. */
  readonly formEndpointOrigin: string | null;
  /** Days a submission caught by the honeypot is kept before it is deleted. */
  readonly spamRetentionDays: number;
  /** Days a submission is kept before it is deleted (the Datenschutzerklärung promises 365). */
  readonly retentionDays: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The largest accepted submission body in bytes. */
export const BODY_LIMIT = 32 * 1024;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name}="${raw}" ist keine ganze Zahl.`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name}=${n} liegt nicht zwischen ${min} und ${max}.`);
  return n;
}

function origin(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name}: „${raw}“ ist keine gültige Adresse (z. B. https://kommunalvertreter.nrw).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name}: „${raw}“ muss mit http:// oder https:// beginnen.`);
  return url.origin;
}

export function parseTrustProxy(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** The env name of a form's key, e. g. FORM_KEY_BARRIERE_MELDEN. */
export function formKeyVariable(form: FormName): string {
  return `FORM_KEY_${form.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Reads the configuration. `cwd` anchors relative paths (DATA_DIR, CONTENT_DIR, DIST_DIR).
 * DIST_DIR="" (set but empty) turns static serving off.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const host = value(env, 'HOST') ?? '127.0.0.1';
  const port = integer(env, 'PORT', 4321, 0, 65535);
  const contentDir = resolve(cwd, value(env, 'CONTENT_DIR') ?? 'content');
  const site = readSiteFacts(contentDir);
  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const siteUrl = origin(value(env, 'SITE_URL') ?? `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`, 'SITE_URL');
  const allowedOrigins = [
    ...new Set([siteUrl, ...(value(env, 'ALLOWED_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => origin(s, 'ALLOWED_ORIGINS'))]),
  ];
  const formKeys: Record<string, FormName> = {};
  for (const form of FORM_NAMES) {
    formKeys[form] = form;
    const key = value(env, formKeyVariable(form));
    if (key !== undefined) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) throw new Error(`${formKeyVariable(form)}: nur Buchstaben, Ziffern, - und _ sind erlaubt.`);
      formKeys[key] = form;
    }
  }
  const formEndpoint = value(env, 'PUBLIC_FORM_ENDPOINT');
  const distRaw = env['DIST_DIR'];
  return {
    host,
    port,
    siteUrl,
    allowedOrigins,
    trustProxy: parseTrustProxy(value(env, 'TRUST_PROXY')),
    dataDir: resolve(cwd, value(env, 'DATA_DIR') ?? 'data'),
    contentDir,
    distDir: distRaw !== undefined && distRaw.trim() === '' ? null : resolve(cwd, distRaw ?? 'dist'),
    formRateLimit: integer(env, 'FORM_RATE_LIMIT', 10, 1, 100_000),
    formKeys,
    smtpUrl: value(env, 'SMTP_URL') ?? '',
    mailFrom: value(env, 'MAIL_FROM') ?? `"${site.portalName}" <${site.postfach}>`,
    notifyTo: value(env, 'NOTIFY_TO') ?? site.postfach,
    postfach: site.postfach,
    portalName: site.portalName,
    adminUser: value(env, 'ADMIN_USER') ?? 'admin',
    adminPassword: value(env, 'ADMIN_PASSWORD') ?? '',
    outbox: {
      pollMs: integer(env, 'OUTBOX_POLL_MS', 5_000, 10, 3_600_000),
      baseDelayMs: integer(env, 'OUTBOX_RETRY_BASE_MS', 30_000, 1, 3_600_000),
      maxDelayMs: integer(env, 'OUTBOX_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
    },
    logLevel: value(env, 'LOG_LEVEL') ?? 'info',
    formEndpointOrigin: formEndpoint === undefined ? null : origin(formEndpoint, 'PUBLIC_FORM_ENDPOINT'),
    spamRetentionDays: integer(env, 'SPAM_RETENTION_DAYS', 30, 1, 3650),
    retentionDays: integer(env, 'RETENTION_DAYS', 365, 1, 3650),
  };
}
