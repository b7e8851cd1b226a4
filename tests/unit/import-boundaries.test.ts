/**
 * The lint rule that keeps imports pointing one way (eslint.config.js, house style 14): the server
 * uses only src/forms, src/lib, src/strings and policy/; the site never uses server/ or scripts/;
 * policy/ uses neither side; nothing the server loads pulls in @formspree/react or preact/compat.
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
    ['server/app.ts', "import { x } from '../src/forms/index.ts';"],
    ['server/pages/render.tsx', "import { x } from '../../src/lib/server-files.ts';"],
    ['server/admin.ts', "import { x } from '../src/strings/admin.ts';"],
    ['server/app.ts', "import { x } from '../policy/headers.ts';"],
    ['src/integrations/security-headers.ts', "import { x } from '../../policy/manifest.ts';"],
    ['src/components/form/FormIsland.tsx', "import { useForm } from '@formspree/react';"],
    ['policy/headers.ts', "import { x } from './manifest.ts';"],
  ])('%s may import: %s', async (path, source) => {
    expect(await restricted(path, source)).toEqual([]);
  });

  it.each([
    ['server/app.ts', "import Form from '../src/components/form/Form.astro';", 'server/ importiert aus src/ nur'],
    ['server/pages/render.tsx', "import { loadPortal } from '../../src/data/portal.ts';", 'server/ importiert aus src/ nur'],
    ['server/app.ts', "import { smtpSink } from '../scripts/lib/smtp-sink.ts';", 'server/ importiert weder scripts/'],
    ['server/app.ts', "import { useForm } from '@formspree/react';", 'nutzt nur die Insel'],
    ['src/integrations/security-headers.ts', "import { securityHeaders } from '../../server/security-headers.ts';", 'src/ importiert weder server/'],
    ['src/lib/env.ts', "export { x } from '../../scripts/lib/test-summary.ts';", 'src/ importiert weder server/'],
    ['src/forms/view/FormView.tsx', "import { forwardRef } from 'preact/compat';", 'nutzt nur die Insel'],
    ['policy/manifest.ts', "import { readDeploymentEnv } from '../src/lib/env.ts';", 'policy/ gehört weder'],
  ])('%s must not import: %s', async (path, source, message) => {
    const messages = await restricted(path, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });
});
