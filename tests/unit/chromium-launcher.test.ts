/**
 * scripts/chromium.sh, which Playwright and Lighthouse start instead of chromium: the
 * --disable-features lists it is given reach chromium as one switch (Chromium keeps only the last
 * one), every other argument unchanged and in its order.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCHER } from '../../scripts/lib/chromium.ts';
import { tempDir } from '../../scripts/lib/temp-dir.ts';

describe('the chromium launcher', () => {
  const dir = tempDir('kv-chromium-');
  afterAll(() => dir.remove());
  // A stand-in for chromium (CHROMIUM_PATH) that prints each argument it got on a line of its own.
  const standIn = join(dir.path, 'chromium');
  writeFileSync(standIn, '#!/bin/sh\nprintf "%s\\n" "$@"\n');
  chmodSync(standIn, 0o755);
  const argumentsOf = (...args: string[]): string[] =>
    execFileSync(CHROMIUM_LAUNCHER, args, { env: { ...process.env, CHROMIUM_PATH: standIn }, encoding: 'utf8' }).split('\n').slice(0, -1);

  it('passes one --disable-features with the features of every list it was given', () => {
    expect(argumentsOf('--headless', '--disable-features=A,B', '--lang=de-DE', 'two words', '--disable-features=C')).toEqual(['--disable-features=A,B,C', '--headless', '--lang=de-DE', 'two words']);
  });

  it('passes every argument unchanged when none turns features off', () => {
    expect(argumentsOf('--headless', '', '--enable-features=D', '*')).toEqual(['--headless', '', '--enable-features=D', '*']);
  });
});
