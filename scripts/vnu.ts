/**
 * Runs the W3C Nu Html Checker (npm vnu-jar, needs Java) over every HTML file of the build, or of
 * the folders given as arguments (`node scripts/vnu.ts <dir> …`, e.g. saved pages of the server).
 * The pages inline their stylesheet; the checker's CSS validator predates two things Tailwind 4
 * writes (`@property`, `margin-trim` in an @supports test), so exactly these two messages are filtered.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const CSS_THE_CHECKER_DOES_NOT_KNOW = 'CSS: (Unrecognized at-rule “@property”|“margin-trim”: Property “margin-trim” doesn.t exist)\\.?';
const targets = process.argv.length > 2 ? process.argv.slice(2) : ['dist'];
// A run of a few seconds: the JVM's quick compiler only (C1) and one GC thread use half the CPU of
// its defaults (dist/ and dist-fixtures/: 4.1 s against 8.5 s); C1's code needs a larger stack than
// the checker's 512 KB minimum.
const JVM = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
const result = spawnSync('java', [...JVM, '-jar', vnuJar, '--skip-non-html', '--errors-only', '--filterpattern', CSS_THE_CHECKER_DOES_NOT_KNOW, '--format', 'gnu', ...targets], {
  stdio: 'inherit',
});
if (result.error) {
  console.error(`The Nu Html Checker needs Java: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
