/**
 * The deployment's environment variables, read through one zod schema. The form server
 * (server/config.ts) and the build (privacy texts, security headers, form endpoints) both read
 * their settings here, so a variable has one name, one default and one German message that names
 * it. Variables are documented in .env.example.
 */
import * as z from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

/** A setting that cannot be used: its message names the variable and says what to write, in German. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** An empty or blank value means "not set" (a line `NAME=` in .env). */
export const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);

/** A whole number between `min` and `max`, with a default. */
export function integerVar(name: string, fallback: number, min: number, max: number) {
  return z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d+$/, { error: (issue) => `${name}="${String(issue.input)}" ist keine ganze Zahl.` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: (issue) => `${name}=${String(issue.input)} liegt nicht zwischen ${min} und ${max}.` })
          .max(max, { error: (issue) => `${name}=${String(issue.input)} liegt nicht zwischen ${min} und ${max}.` }),
      )
      .default(fallback),
  );
}

/** An http(s) address reduced to its origin, e. g. https://kommunalvertreter.nrw. */
export function originOf(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name}: „${raw}“ ist keine gültige Adresse (z. B. https://kommunalvertreter.nrw).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigurationError(`${name}: „${raw}“ muss mit http:// oder https:// beginnen.`);
  return url.origin;
}

function originVar(name: string) {
  return z.preprocess(
    blank,
    z
      .string()
      .transform((raw, context) => {
        try {
          return originOf(raw, name);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message, input: raw });
          return z.NEVER;
        }
      })
      .optional(),
  );
}

/** An optional text; blank counts as not set. */
export const textVar = () => z.preprocess(blank, z.string().optional());

/**
 * Where the forms send their data, each with its own true texts (<Formularweg fall="…">) and CSP
 * origins (src/lib/deployment.ts): this site's own form server on the same origin, the same server
 * software on another origin (PUBLIC_FORM_ENDPOINT), or hosted Formspree.
 */
export const FORM_BACKENDS = ['eigener-server', 'eigener-server-extern', 'formspree'] as const;

/** Settings that the build and the server share: what the published texts describe. */
export const deploymentEnvSchema = z.object({
  /** Where the forms post: one of FORM_BACKENDS, default this site's own server. */
  FORM_BACKEND: z.preprocess(
    blank,
    z
      .enum(FORM_BACKENDS, {
        error: (issue) => `FORM_BACKEND="${String(issue.input)}" gibt es nicht: erlaubt sind ${FORM_BACKENDS.join(', ')}.`,
      })
      .default('eigener-server'),
  ),
  /** Origin the forms post to when it is not this site (FORM_BACKEND eigener-server-extern or formspree). */
  PUBLIC_FORM_ENDPOINT: originVar('PUBLIC_FORM_ENDPOINT'),
  /** Days a submission is kept (Datenschutzerklärung). */
  RETENTION_DAYS: integerVar('RETENTION_DAYS', 365, 1, 3650),
  /** Days a honeypot catch is kept. */
  SPAM_RETENTION_DAYS: integerVar('SPAM_RETENTION_DAYS', 30, 1, 3650),
  /** Recipient of the notifications; default: the organisation's mailbox from site.yaml. */
  NOTIFY_TO: textVar(),
  /**
   * Whether the admin area (/admin/) exists: ADMIN_AREA=ja or nein; not set, it exists when
   * ADMIN_PASSWORD is set (the first account, before named accounts). The Datenschutzerklärung
   * describes the admin area only when it exists (<Verwaltung>), so the build manifest records the
   * answer (adminArea()) and a server with another answer does not start.
   */
  ADMIN_AREA: z.preprocess(
    blank,
    z.enum(['ja', 'nein'], { error: (issue) => `ADMIN_AREA="${String(issue.input)}": erlaubt sind ja oder nein.` }).optional(),
  ),
  /** Read here only as: is it set? Never the password (see ADMIN_AREA). */
  ADMIN_PASSWORD: z.preprocess((value) => typeof value === 'string' && value !== '', z.boolean()),
  /**
   * "ja": with FORM_BACKEND=formspree, the operator confirms that the data protection officer has
   * checked the Formspree sections of the Datenschutzerklärung, which then names Formspree as
   * processor (src/lib/deployment.ts). Without it, a build for Formspree stops.
   */
  FORMSPREE_BESTAETIGT: z.preprocess(
    blank,
    z.enum(['ja'], { error: (issue) => `FORMSPREE_BESTAETIGT="${String(issue.input)}": erlaubt ist nur „ja“ (oder die Variable weglassen).` }).optional(),
  ),
});

type DeploymentEnvInput = z.output<typeof deploymentEnvSchema>;

/**
 * The deployment settings as the texts and the build manifest see them: ADMIN_AREA decided (a yes or
 * no), ADMIN_PASSWORD left out, so that moving from ADMIN_PASSWORD to named accounts (README,
 * „Von ADMIN_PASSWORD zu benannten Konten“) changes no recorded setting when ADMIN_AREA=ja is set.
 */
export type DeploymentEnv = Omit<DeploymentEnvInput, 'ADMIN_AREA' | 'ADMIN_PASSWORD'> & { readonly ADMIN_AREA: boolean };

/** Whether the admin area exists: ADMIN_AREA, or without it whether ADMIN_PASSWORD is set. */
export function adminArea(env: Pick<DeploymentEnvInput, 'ADMIN_AREA' | 'ADMIN_PASSWORD'>): boolean {
  return env.ADMIN_AREA === undefined ? env.ADMIN_PASSWORD : env.ADMIN_AREA === 'ja';
}

/**
 * Problems of the settings as one German message: one line when there is one problem (it names
 * the variable), else a first line and one line per problem.
 */
export function configurationMessage(problems: readonly string[]): string {
  return problems.length === 1 ? `Die Konfiguration ist ungültig: ${problems[0]}` : `Die Konfiguration ist ungültig:\n- ${problems.join('\n- ')}`;
}

/** Every problem of a parsed environment, one per variable, each naming it. */
function envProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '');
    return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
  });
}

/** Parses `env` with `schema` and throws one German error naming every wrong variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigurationError(configurationMessage(envProblems(result.error)));
  return result.data;
}

/** The deployment settings of `env` (the build's and the server's shared view). */
export function readDeploymentEnv(env: Env = process.env): DeploymentEnv {
  const { ADMIN_AREA, ADMIN_PASSWORD, ...rest } = parseEnv(deploymentEnvSchema, env);
  if (ADMIN_AREA === 'nein' && ADMIN_PASSWORD) {
    throw new ConfigurationError(configurationMessage(['ADMIN_AREA=nein, aber ADMIN_PASSWORD ist gesetzt: Ohne Verwaltung gibt es keine Anmeldung. Entfernen Sie ADMIN_PASSWORD oder setzen Sie ADMIN_AREA=ja.']));
  }
  return { ...rest, ADMIN_AREA: adminArea({ ADMIN_AREA, ADMIN_PASSWORD }) };
}

/**
 * The editing UI (/redaktion/, Sveltia CMS) and the git host it writes to, read at build time and
 * documented in .env.example, the README and docs/betrieb.md. Unset CMS_BACKEND: only the local-folder mode (an
 * editor's own clone, opened on this machine). `test`: the CMS's in-browser test repository (tests,
 * screenshots, a demonstration). `gitlab` (production) and `gitea` (Gitea/Forgejo) need the
 * repository and the address of the git host.
 */
export const cmsEnvSchema = z
  .object({
    CMS_BACKEND: z.preprocess(
      blank,
      z
        .enum(['gitlab', 'gitea', 'test'], {
          error: (issue) => `CMS_BACKEND="${String(issue.input)}": erlaubt sind gitlab, gitea oder test (oder die Variable weglassen: dann nur das lokale Repository).`,
        })
        .optional(),
    ),
    /** The project on the git host, e. g. d-nrw/kommunalvertreter (GitLab groups may be nested). */
    CMS_REPO: z.preprocess(
      blank,
      z
        .string()
        .regex(/^[\w.-]+(\/[\w.-]+)+$/, { error: (issue) => `CMS_REPO="${String(issue.input)}": Schreiben Sie Gruppe und Projekt mit Schrägstrich, z. B. d-nrw/kommunalvertreter.` })
        .optional(),
    ),
    /** The branch the editors' changes go to. Default main. */
    CMS_BRANCH: z.preprocess(
      blank,
      z
        .string()
        .regex(/^[\w.-]+(\/[\w.-]+)*$/, { error: (issue) => `CMS_BRANCH="${String(issue.input)}" ist kein gültiger Branch-Name.` })
        .default('main'),
    ),
    /** Address of the git host (sign-in), e. g. https://git.example.nrw; reduced to its origin. */
    CMS_BASE_URL: originVar('CMS_BASE_URL'),
    /** Its REST API; default CMS_BASE_URL plus /api/v4 (GitLab) or /api/v1 (Gitea/Forgejo). */
    CMS_API_ROOT: z.preprocess(
      blank,
      z
        .string()
        .transform((raw, context) => {
          try {
            originOf(raw, 'CMS_API_ROOT');
            return raw.replace(/\/+$/, '');
          } catch (error) {
            context.addIssue({ code: 'custom', message: (error as Error).message, input: raw });
            return z.NEVER;
          }
        })
        .optional(),
    ),
    /** ID of the OAuth application on the git host (GitLab: non-confidential, for PKCE). */
    CMS_APP_ID: textVar(),
  })
  .superRefine((env, context) => {
    const backend = env.CMS_BACKEND;
    const missing = (name: keyof typeof env, what: string) => {
      if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: `${name} fehlt: Für CMS_BACKEND=${String(backend)} braucht die Redaktionsoberfläche ${what}.` });
    };
    if (backend === 'gitlab' || backend === 'gitea') {
      missing('CMS_REPO', 'das Projekt, z. B. CMS_REPO=d-nrw/kommunalvertreter');
      missing('CMS_BASE_URL', `die Adresse des ${backend === 'gitlab' ? 'GitLab' : 'Gitea/Forgejo'}, z. B. CMS_BASE_URL=https://git.example.nrw`);
    }
    if (backend === 'gitlab') missing('CMS_APP_ID', 'die ID der OAuth-Anwendung in GitLab (Anmeldung mit PKCE), z. B. CMS_APP_ID=3f2a…');
  });

export type CmsEnv = z.output<typeof cmsEnvSchema>;

/** The editing UI's settings of `env`. */
export function readCmsEnv(env: Env = process.env): CmsEnv {
  return parseEnv(cmsEnvSchema, env);
}
