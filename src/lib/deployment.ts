/**
 * What the published texts say about the deployment follows from its settings, never from typed
 * text: where form data go (this site's own server, the same server software on another origin, or
 * hosted Formspree), how long they are kept, who is notified. The build reads the settings like the
 * form pages do (environment and .env files) and stops with a German message when the texts cannot
 * describe them truthfully. The CSP lets the pages post to PUBLIC_FORM_ENDPOINT, whatever the kind
 * (policy/static-hosting.ts, server/http/app.ts).
 */
import { loadEnv } from 'vite';
import { FORM_BACKENDS, readDeploymentEnv, type DeploymentEnv, type Env } from '../../shared/lib/env.ts';

/** Where the forms send their data (FORM_BACKEND). */
export type FormHandling = (typeof FORM_BACKENDS)[number];

export { FORM_BACKENDS };

/** The settings an MDX text may show as a period (<Einstellung name="…" />). */
export const SETTING_PERIODS = ['RETENTION_DAYS', 'SPAM_RETENTION_DAYS', 'RATE_LIMIT_MINUTES', 'ADMIN_FAILURE_MINUTES', 'ADMIN_SESSION_IDLE_MINUTES', 'ADMIN_SESSION_MAX_HOURS'] as const;
export type SettingPeriod = (typeof SETTING_PERIODS)[number];

/** Hosts of this machine: an endpoint there is this site's own form server (e. g. `npm run dev`). */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Hosts of hosted Formspree. */
const FORMSPREE = /(^|\.)formspree\.io$/;

const NOT_CONFIRMED =
  'Die Datenschutzerklärung und die Erklärung zur Barrierefreiheit beschreiben Formspree dann als Auftragsverarbeiter, mit Übermittlung in ein Drittland. ' +
  'Bestätigen Sie das mit FORMSPREE_BESTAETIGT=ja, nachdem der Datenschutz die Angaben zu Formspree in content/pages/datenschutz.mdx geprüft hat.';

/**
 * Where the forms of a build with these settings send their data, checked: FORM_BACKEND names it,
 * PUBLIC_FORM_ENDPOINT must fit it, and hosted Formspree needs the operator's confirmation
 * (FORMSPREE_BESTAETIGT=ja). Throws a German message that says which variable to set.
 */
export function formHandling(env: DeploymentEnv): FormHandling {
  const backend = env.FORM_BACKEND;
  const endpoint = env.PUBLIC_FORM_ENDPOINT;
  const host = endpoint === undefined ? undefined : new URL(endpoint).hostname;
  if (env.FORMSPREE_BESTAETIGT === 'ja' && backend !== 'formspree') {
    throw new Error(`FORMSPREE_BESTAETIGT=ja, aber FORM_BACKEND=${backend}: Die Formulare senden nicht an Formspree. Entfernen Sie FORMSPREE_BESTAETIGT oder setzen Sie FORM_BACKEND=formspree.`);
  }
  if (backend === 'eigener-server') {
    if (host !== undefined && !LOOPBACK.test(host)) {
      throw new Error(
        `PUBLIC_FORM_ENDPOINT=${endpoint}: Die Formulare würden ihre Daten an einen anderen Server senden, FORM_BACKEND ist aber eigener-server. ` +
          'Setzen Sie FORM_BACKEND=eigener-server-extern, wenn dort der Formular-Server dieses Portals läuft, oder FORM_BACKEND=formspree für gehostetes Formspree; ' +
          'oder lassen Sie PUBLIC_FORM_ENDPOINT leer (dann nehmen die Formulare den Server dieses Portals).',
      );
    }
    return backend;
  }
  if (endpoint === undefined || host === undefined) {
    throw new Error(
      `FORM_BACKEND=${backend} braucht PUBLIC_FORM_ENDPOINT: die Adresse, an die die Formulare senden` +
        (backend === 'formspree' ? ' (https://formspree.io).' : ', z. B. https://formulare.example.'),
    );
  }
  if (backend === 'eigener-server-extern') {
    if (FORMSPREE.test(host)) throw new Error(`PUBLIC_FORM_ENDPOINT=${endpoint} ist Formspree, FORM_BACKEND aber eigener-server-extern. Setzen Sie FORM_BACKEND=formspree.`);
    return backend;
  }
  if (!FORMSPREE.test(host)) {
    throw new Error(`FORM_BACKEND=formspree, aber PUBLIC_FORM_ENDPOINT=${endpoint} ist nicht Formspree. Für einen eigenen Formular-Server dort setzen Sie FORM_BACKEND=eigener-server-extern.`);
  }
  if (env.FORMSPREE_BESTAETIGT !== 'ja') throw new Error(`FORM_BACKEND=formspree: Die Formulare senden ihre Daten an Formspree. ${NOT_CONFIRMED}`);
  return backend;
}

/** The environment a build sees: .env files of `mode` (as the form pages read them) and the process. */
export function buildEnv(mode: string, root: string = process.cwd()): Env {
  return loadEnv(mode, root, '');
}

export interface DeploymentTexts extends DeploymentEnv {
  formHandling: FormHandling;
}

/** The deployment settings a build describes, checked; throws the German message of formHandling(). */
export function deploymentTexts(env: Env): DeploymentTexts {
  const settings = readDeploymentEnv(env);
  return { ...settings, formHandling: formHandling(settings) };
}

const builds = new Map<string, DeploymentTexts>();

/**
 * deploymentTexts() of the build in `mode` (buildEnv), read once per build: every page and component
 * that describes the deployment, and the build manifest the server compares itself with, see the
 * same settings.
 */
export function buildDeployment(mode: string, root: string = process.cwd()): DeploymentTexts {
  const key = `${mode}\0${root}`;
  let texts = builds.get(key);
  if (texts === undefined) {
    texts = deploymentTexts(buildEnv(mode, root));
    builds.set(key, texts);
  }
  return texts;
}
