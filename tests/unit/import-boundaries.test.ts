/**
 * The lint rule that keeps imports pointing one way (eslint.config.js, house style 14): the site
 * (src/) and the server (server/) both use shared/ and never each other; shared/ uses neither side;
 * policy/ uses no side; nothing the server loads pulls in @formspree/react or preact/compat.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The messages of no-restricted-imports for `source` as a file at `path`. */
async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import directions', () => {
  it.each([
    ['server/http/app.ts', "import { x } from '../../shared/forms/index.ts';"],
    ['server/pages/render.tsx', "import { x } from '../../shared/lib/server-files.ts';"],
    ['server/admin/routes.ts', "import { x } from '../../shared/strings/admin.ts';"],
    ['server/http/app.ts', "import { x } from '../../policy/headers.ts';"],
    ['src/pages/index.astro', "import { x } from '../../shared/strings/de.ts';"],
    ['src/integrations/security-headers.ts', "import { x } from '../../policy/manifest.ts';"],
    ['shared/lib/server-files.ts', "import { x } from '../../policy/build-output.mjs';"],
    ['shared/forms/view/FormView.tsx', "import { x } from '../../strings/form.ts';"],
    ['src/components/form/FormIsland.tsx', "import { useForm } from '@formspree/react';"],
    ['policy/headers.ts', "import { x } from './manifest.ts';"],
  ])('%s may import: %s', async (path, source) => {
    expect(await restricted(path, source)).toEqual([]);
  });

  it.each([
    ['server/http/app.ts', "import Form from '../../src/components/form/Form.astro';", 'server/ importiert nichts aus src/'],
    ['server/pages/render.tsx', "import { loadPortal } from '../../src/data/portal.ts';", 'server/ importiert nichts aus src/'],
    ['server/config.ts', "import { x } from '../src/lib/content-paths.ts';", 'server/ importiert nichts aus src/'],
    ['server/http/app.ts', "import { smtpSink } from '../../scripts/lib/smtp-sink.ts';", 'server/ importiert weder scripts/'],
    ['server/http/app.ts', "import { useForm } from '@formspree/react';", 'nutzt nur die Insel'],
    ['src/integrations/security-headers.ts', "import { securityHeaders } from '../../server/http/app.ts';", 'src/ importiert weder server/'],
    ['src/lib/jsonld.ts', "export { x } from '../../scripts/lib/test-summary.ts';", 'src/ importiert weder server/'],
    ['shared/lib/env.ts', "import { x } from '../../src/lib/content-paths.ts';", 'shared/ gehört Website und Server gemeinsam'],
    ['shared/strings/admin.ts', "import { x } from '../../server/strings/server.ts';", 'shared/ gehört Website und Server gemeinsam'],
    ['shared/forms/view/FormView.tsx', "import { forwardRef } from 'preact/compat';", 'nutzt nur die Insel'],
    ['policy/manifest.ts', "import { readDeploymentEnv } from '../shared/lib/env.ts';", 'policy/ gehört weder'],
    ['policy/manifest.ts', "import { x } from '../src/lib/deployment.ts';", 'policy/ gehört weder'],
  ])('%s must not import: %s', async (path, source, message) => {
    const messages = await restricted(path, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });
});
