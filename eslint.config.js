// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/**
 * Which way imports may point (house style 14): the site (src/) and the server (server/) each use
 * what they share (shared/: forms, strings, env, the content model the build hands the server) and
 * never each other; shared/ uses neither side; the header policy (policy/) belongs to no side and
 * imports none; no code the server loads (server/, shared/) pulls in @formspree/react or
 * preact/compat, which only the browser island uses.
 */
const up = '^\\.{1,2}/(?:\\.\\./)*';
const boundary = {
  srcToServer: { regex: `${up}(?:server|scripts|tests)(?:/|$)`, message: 'src/ importiert weder server/ noch scripts/ oder tests/: Was Website und Server beide brauchen, gehört nach shared/.' },
  serverToSrc: { regex: `${up}src(?:/|$)`, message: 'server/ importiert nichts aus src/: Was Website und Server beide brauchen, gehört nach shared/.' },
  serverToScripts: { regex: `${up}(?:scripts|tests)(?:/|$)`, message: 'server/ importiert weder scripts/ noch tests/.' },
  sharedToSides: { regex: `${up}(?:src|server|scripts|tests)(?:/|$)`, message: 'shared/ gehört Website und Server gemeinsam und importiert aus keinem von beiden (nur shared/ und policy/).' },
  policyToSides: { regex: `${up}(?:src|server|shared|scripts|tests)(?:/|$)`, message: 'policy/ gehört weder der Website noch dem Server und importiert keins von beiden.' },
  islandOnly: { regex: '^(?:@formspree/react|react|react-dom|preact/compat)(?:/|$)', message: '@formspree/react und preact/compat nutzt nur die Insel (src/components/form/); der Server rendert mit Preact allein.' },
};
/**
 * @param {...{ regex: string, message: string }} patterns
 * @returns {import('eslint').Linter.RulesRecord}
 */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  { ignores: ['dist/', 'dist-server/', 'dist-fixtures/', 'dist-fixtures-server/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  ...astro.configs['jsx-a11y-strict'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Later entries replace earlier ones for the same file, so each repeats what it inherits.
  { files: ['src/**'], rules: restrict(boundary.srcToServer) },
  { files: ['shared/**'], rules: restrict(boundary.sharedToSides, boundary.islandOnly) },
  { files: ['server/**'], rules: restrict(boundary.serverToSrc, boundary.serverToScripts, boundary.islandOnly) },
  { files: ['policy/**'], rules: restrict(boundary.policyToSides, boundary.islandOnly) },
);
