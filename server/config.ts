/**
 * The server's configuration, read from environment variables (documented in .env.example).
 * Every value has a default that works for `npm start` on one machine; a wrong value stops the
 * start with a message that names the variable.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import * as z from 'zod';
import { blank, ConfigurationError, configurationMessage, deploymentEnvSchema, integerVar, originOf, parseEnv, readDeploymentEnv, textVar, type DeploymentEnv, type Env } from '../shared/lib/env.ts';
import { createFormRegistry, readFormKeys, type FormName, type FormRegistry } from '../shared/forms/index.ts';
import { serverDirOf, type OfferRollout, type PostalAddress } from '../shared/lib/server-files.ts';
import type { RolloutStep } from '../shared/lib/rollout.ts';
import { readServerContent } from './http/built-site.ts';

export interface OutboxConfig {
  /** How often the worker looks for due mails. */
  readonly pollMs: number;
  /** Delay before the first retry; it doubles with each failed attempt. */
  readonly baseDelayMs: number;
  /** Longest delay between two attempts. */
  readonly maxDelayMs: number;
  /** How long a claimed mail is reserved for this instance; a dead instance's claims are taken over after it. */
  readonly leaseMs: number;
}

export interface HttpLimits {
  /** A request (headers and body) must have arrived within this time, or the connection is cut. */
  readonly requestTimeoutMs: number;
  /** Open connections one client address may have at once; 0 = no cap. */
  readonly connectionsPerAddress: number;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Public origin of the site, e. g. https://kommunalvertreter.nrw; thank-you pages live there. */
  readonly siteUrl: string;
  /** Origins allowed to post forms and to be redirected to (`_next`). */
  readonly allowedOrigins: readonly string[];
  /** Which proxies may say who the client is: none (false), a hop count or their addresses/CIDRs. */
  readonly trustProxy: false | number | string[];
  readonly dataDir: string;
  /** PostgreSQL (postgres://…) instead of SQLite in DATA_DIR; null: SQLite. */
  readonly databaseUrl: string | null;
  readonly http: HttpLimits;
  /** The build: its site (served unless SERVE_SITE=false) … */
  readonly distDir: string;
  /** … and beside it the server's folder, the only place the server reads the build from (shared/lib/server-files.ts). */
  readonly serverDir: string;
  /** Serve the site in distDir (default), or only the form backend and the server's own pages. */
  readonly serveSite: boolean;
  /** Form posts per client address and minute. */
  readonly formRateLimit: number;
  /** Every form of the build (content.json): one interest form per offer, and the barrier report. */
  readonly forms: FormRegistry;
  /** The rollout steps of each offer's Vorgänge, by the name of its interest form (content.json). */
  readonly rollout: ReadonlyMap<string, readonly RolloutStep[]>;
  /** What the authorities' status pages say of each offer (its contacts, how the Einzelabruf is sent), by interest form (content.json). */
  readonly offerStatus: ReadonlyMap<string, OfferRollout>;
  /** Where the Einzelabruf goes: the organisation's BeBPo recipient and postal address (content.json). */
  readonly einreichung: { readonly bebpoEmpfaenger: string; readonly anschrift: PostalAddress };
  /** Accepted form keys (URL /f/<key>): each form's name and its FORM_KEY_<FORM> key, and the form each one means. */
  readonly formKeys: Readonly<Record<string, FormName>>;
  /** SMTP server as URL (smtp://user:pass@host:587); empty keeps mails in the outbox. */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly notifyTo: string;
  /** The organisation's public mailbox (site.yaml, from the build), offered as fallback on error pages. */
  readonly postfach: string;
  readonly portalName: string;
  /** The first account while the store has none (server/admin/sessions.ts), with adminPassword. */
  readonly adminUser: string;
  /** Empty: no first account; the admin area exists when deployment.ADMIN_AREA says so. */
  readonly adminPassword: string;
  /** Bearer token for GET /metrics (scrapers); empty: /metrics does not exist (404). */
  readonly metricsToken: string;
  readonly outbox: OutboxConfig;
  readonly logLevel: string;
  /** Origin of an external form endpoint the pages post to (PUBLIC_FORM_ENDPOINT), for the CSP. */
  readonly formEndpointOrigin: string | null;
  /** Days a submission caught by the honeypot is kept before it is deleted. */
  readonly spamRetentionDays: number;
  /** Days a submission is kept before it is deleted (the Datenschutzerklärung shows the build's value). */
  readonly retentionDays: number;
  /** The settings the site's texts describe; they must equal the build's (server/http/built-site.ts). */
  readonly deployment: DeploymentEnv;
}

export type { Env } from '../shared/lib/env.ts';

/** The largest accepted submission body in bytes. */
export const BODY_LIMIT = 32 * 1024;

/** Shortest ADMIN_PASSWORD accepted at start. */
export const ADMIN_PASSWORD_MIN_LENGTH = 12;

/**
 * TRUST_PROXY: unset/false/0 (no proxy), a hop count, or the proxies' addresses/CIDRs. `true`
 * would trust whatever X-Forwarded-For a client writes, so it is refused.
 */
const trustProxyVar = z.preprocess(
  blank,
  z
    .string()
    .optional()
    .transform((raw, context): false | number | string[] => {
      if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
      if (/^\d+$/.test(raw)) return Number(raw);
      if (raw.toLowerCase() === 'true') {
        context.addIssue({
          code: 'custom',
          message:
            'TRUST_PROXY=true ist nicht erlaubt: dann könnte jeder Client seine Adresse per X-Forwarded-For selbst angeben. Geben Sie die Zahl der Proxys (z. B. 1) oder ihre Adressen an (z. B. 127.0.0.1).',
        });
        return z.NEVER;
      }
      const entries = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const wrong = entries.filter((entry) => !isAddressOrCidr(entry));
      if (wrong.length > 0) {
        context.addIssue({ code: 'custom', message: `TRUST_PROXY: „${wrong.join(', ')}“ ist keine IP-Adresse und kein Netz (z. B. 127.0.0.1 oder 10.0.0.0/8).` });
        return z.NEVER;
      }
      return entries;
    }),
);

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** Shortest METRICS_TOKEN accepted at start. */
export const METRICS_TOKEN_MIN_LENGTH = 32;

/** ADMIN_PASSWORD as written (not trimmed: spaces are part of it); empty means no first account. */
const adminPasswordVar = z
  .string()
  .optional()
  .refine((v) => v === undefined || v === '' || [...v].length >= ADMIN_PASSWORD_MIN_LENGTH, {
    message: `ADMIN_PASSWORD ist zu kurz: mindestens ${ADMIN_PASSWORD_MIN_LENGTH} Zeichen (am besten ein zufällig erzeugtes Passwort). Besser: benannte Konten mit npm run admin -- add <Name>.`,
  });

const metricsTokenVar = z.preprocess(
  blank,
  z
    .string()
    .refine((v) => v.length >= METRICS_TOKEN_MIN_LENGTH, {
      message: `METRICS_TOKEN ist zu kurz: mindestens ${METRICS_TOKEN_MIN_LENGTH} Zeichen (z. B. openssl rand -base64 33).`,
    })
    .optional(),
);

/** What a PostgreSQL URL starts with: postgres:// or postgresql:// and something after it. */
export const POSTGRES_URL = /^postgres(ql)?:\/\/./;

/** SERVE_SITE: true (default) or false, for a server behind a host that serves dist/ itself. */
const serveSiteVar = z.preprocess(
  blank,
  z
    .enum(['true', 'false'], { error: (issue) => `SERVE_SITE="${String(issue.input)}" gibt es nicht: true (Voreinstellung) oder false (nur das Formular-Backend).` })
    .default('true')
    .transform((value) => value === 'true'),
);

const databaseUrlVar = z.preprocess(
  blank,
  z
    .string()
    .regex(POSTGRES_URL, { message: 'DATABASE_URL muss mit postgres:// oder postgresql:// beginnen (z. B. postgres://kv:geheim@db.example:5432/kommunalvertreter).' })
    .optional(),
);

/** Every variable the server reads, with its default and a German message that names it. */
const serverEnvSchema = deploymentEnvSchema.extend({
  HOST: textVar(),
  PORT: integerVar('PORT', 4321, 0, 65535),
  SITE_URL: textVar(),
  ALLOWED_ORIGINS: textVar(),
  TRUST_PROXY: trustProxyVar,
  DATA_DIR: textVar(),
  DATABASE_URL: databaseUrlVar,
  DIST_DIR: textVar(),
  SERVE_SITE: serveSiteVar,
  FORM_RATE_LIMIT: integerVar('FORM_RATE_LIMIT', 10, 1, 100_000),
  SMTP_URL: textVar(),
  MAIL_FROM: textVar(),
  ADMIN_USER: textVar(),
  ADMIN_PASSWORD: adminPasswordVar,
  METRICS_TOKEN: metricsTokenVar,
  OUTBOX_POLL_MS: integerVar('OUTBOX_POLL_MS', 5_000, 10, 3_600_000),
  OUTBOX_RETRY_BASE_MS: integerVar('OUTBOX_RETRY_BASE_MS', 30_000, 1, 3_600_000),
  OUTBOX_RETRY_MAX_MS: integerVar('OUTBOX_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
  OUTBOX_LEASE_MS: integerVar('OUTBOX_LEASE_MS', 120_000, 1_000, 3_600_000),
  REQUEST_TIMEOUT_MS: integerVar('REQUEST_TIMEOUT_MS', 20_000, 1_000, 300_000),
  CONNECTIONS_PER_ADDRESS: integerVar('CONNECTIONS_PER_ADDRESS', 64, 0, 100_000),
  LOG_LEVEL: z.preprocess(
    blank,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: (issue) => `LOG_LEVEL="${String(issue.input)}" gibt es nicht: fatal, error, warn, info, debug, trace oder silent.`,
      })
      .default('info'),
  ),
});

/**
 * Reads the configuration. `cwd` anchors relative paths (DATA_DIR, DIST_DIR). The content comes
 * from the build (content.json in the server's folder of DIST_DIR), never from CONTENT_DIR.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const e = parseEnv(serverEnvSchema, env);
  const host = e.HOST ?? '127.0.0.1';
  const port = e.PORT;
  const distDir = resolve(cwd, e.DIST_DIR ?? 'dist');
  const serverDir = serverDirOf(distDir);
  const content = readServerContent(serverDir);
  const site = content.site;
  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const siteUrl = originOf(e.SITE_URL ?? `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`, 'SITE_URL');
  const allowedOrigins = [
    ...new Set([siteUrl, ...(e.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => originOf(s, 'ALLOWED_ORIGINS'))]),
  ];
  const forms = createFormRegistry(content.forms);
  const keys = readFormKeys([...forms.keys()], env, 'server');
  if (keys.problems.length > 0) throw new ConfigurationError(configurationMessage(keys.problems));
  return {
    host,
    port,
    siteUrl,
    allowedOrigins,
    trustProxy: e.TRUST_PROXY,
    dataDir: resolve(cwd, e.DATA_DIR ?? 'data'),
    databaseUrl: e.DATABASE_URL ?? null,
    http: { requestTimeoutMs: e.REQUEST_TIMEOUT_MS, connectionsPerAddress: e.CONNECTIONS_PER_ADDRESS },
    distDir,
    serverDir,
    serveSite: e.SERVE_SITE,
    formRateLimit: e.FORM_RATE_LIMIT,
    forms,
    rollout: new Map(content.rollout.map((offer) => [offer.form, offer.steps])),
    offerStatus: new Map(content.rollout.map((offer) => [offer.form, offer])),
    einreichung: { bebpoEmpfaenger: site.bebpoEmpfaenger, anschrift: site.anschrift },
    formKeys: Object.fromEntries(keys.formOf),
    smtpUrl: e.SMTP_URL ?? '',
    mailFrom: e.MAIL_FROM ?? `"${site.portalName}" <${site.postfach}>`,
    notifyTo: e.NOTIFY_TO ?? site.postfach,
    postfach: site.postfach,
    portalName: site.portalName,
    adminUser: e.ADMIN_USER ?? 'admin',
    adminPassword: e.ADMIN_PASSWORD ?? '',
    metricsToken: e.METRICS_TOKEN ?? '',
    outbox: {
      pollMs: e.OUTBOX_POLL_MS,
      baseDelayMs: e.OUTBOX_RETRY_BASE_MS,
      maxDelayMs: e.OUTBOX_RETRY_MAX_MS,
      leaseMs: e.OUTBOX_LEASE_MS,
    },
    logLevel: e.LOG_LEVEL,
    formEndpointOrigin: e.PUBLIC_FORM_ENDPOINT ?? null,
    spamRetentionDays: e.SPAM_RETENTION_DAYS,
    retentionDays: e.RETENTION_DAYS,
    deployment: readDeploymentEnv(env),
  };
}
