/**
 * What the published texts say about the deployment follows from its settings, never from typed
 * text: where form data go (this site's own server or hosted Formspree), how long they are kept, who
 * is notified. The build reads the settings like the form pages do (environment and .env files) and
 * stops with a German message when the texts cannot describe them truthfully.
 */
import { loadEnv } from 'vite';
import { readDeploymentEnv, type DeploymentEnv, type Env } from './env.ts';

/** Where the forms send their data (the cases of <Formularweg fall="…">). */
export const FORM_HANDLINGS = ['eigener-server', 'formspree'] as const;
export type FormHandling = (typeof FORM_HANDLINGS)[number];

/** The settings an MDX text may show as a period (<Einstellung name="…" />). */
export const SETTING_PERIODS = ['RETENTION_DAYS', 'SPAM_RETENTION_DAYS', 'RATE_LIMIT_MINUTES', 'ADMIN_FAILURE_MINUTES'] as const;
export type SettingPeriod = (typeof SETTING_PERIODS)[number];

/** Hosts of this machine: an endpoint there is this site's own form server (e. g. `npm run dev`). */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Where the forms of a build with these settings send their data. An external endpoint is only
 * accepted when the operator has confirmed it is hosted Formspree (FORMSPREE_BESTAETIGT=ja): the
 * Datenschutzerklärung and the Erklärung zur Barrierefreiheit then describe Formspree.
 */
export function formHandling(env: DeploymentEnv): FormHandling {
  const endpoint = env.PUBLIC_FORM_ENDPOINT;
  const external = endpoint !== undefined && !LOOPBACK.test(new URL(endpoint).hostname);
  if (!external) {
    if (env.FORMSPREE_BESTAETIGT === 'ja') {
      throw new Error(
        'FORMSPREE_BESTAETIGT=ja, aber PUBLIC_FORM_ENDPOINT zeigt nicht auf Formspree: Die Formulare senden an den eigenen Server. ' +
          'Entfernen Sie FORMSPREE_BESTAETIGT oder setzen Sie PUBLIC_FORM_ENDPOINT auf die Adresse von Formspree.',
      );
    }
    return 'eigener-server';
  }
  if (env.FORMSPREE_BESTAETIGT !== 'ja') {
    throw new Error(
      `PUBLIC_FORM_ENDPOINT=${endpoint}: Die Formulare würden ihre Daten an einen anderen Anbieter senden. ` +
        'Die Datenschutzerklärung und die Erklärung zur Barrierefreiheit beschreiben dafür nur Formspree als Auftragsverarbeiter, ' +
        'mit Übermittlung in ein Drittland. Bestätigen Sie diese Einrichtung mit FORMSPREE_BESTAETIGT=ja, nachdem der Datenschutz ' +
        'die Angaben zu Formspree in content/pages/datenschutz.mdx geprüft hat, oder lassen Sie PUBLIC_FORM_ENDPOINT leer ' +
        '(dann nehmen die Formulare den eigenen Server dieses Portals).',
    );
  }
  return 'formspree';
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
