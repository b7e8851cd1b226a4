// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/**
 * Which way imports may point (house style 14): the server uses the site's forms, logic and
 * strings, never its pages or components; the site never uses the server or the scripts; the
 * header policy (policy/) belongs to neither. What the server may import must itself stay free of
 * @formspree/react and preact/compat, which only the browser island uses.
 */
const up = '^\\.{1,2}/(?:\\.\\./)*';
const boundary = {
  srcToServer: { regex: `${up}(?:server|scripts)(?:/|$)`, message: 'src/ importiert weder server/ noch scripts/: Gemeinsames gehört nach src/forms, src/lib, src/strings oder policy/.' },
  serverToSrc: { regex: `${up}src/(?!(?:forms|lib|strings)/)`, message: 'server/ importiert aus src/ nur src/forms, src/lib und src/strings.' },
  serverToScripts: { regex: `${up}(?:scripts|tests)(?:/|$)`, message: 'server/ importiert weder scripts/ noch tests/.' },
  policyToSides: { regex: `${up}(?:src|server|scripts)(?:/|$)`, message: 'policy/ gehört weder der Website noch dem Server und importiert keins von beiden.' },
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
  { files: ['src/forms/**', 'src/lib/**', 'src/strings/**'], rules: restrict(boundary.srcToServer, boundary.islandOnly) },
  { files: ['server/**'], rules: restrict(boundary.serverToSrc, boundary.serverToScripts, boundary.islandOnly) },
  { files: ['policy/**'], rules: restrict(boundary.policyToSides, boundary.islandOnly) },
);
