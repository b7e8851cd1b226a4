/**
 * Runs the W3C Nu Html Checker (npm vnu-jar, needs Java) over every HTML file of the build, or of
 * the folders given as arguments (`node scripts/vnu.ts <dir> …`, e.g. saved pages of the server).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const result = spawnSync('java', ['-Xss1024k', '-jar', vnuJar, '--skip-non-html', '--errors-only', '--format', 'gnu', ...(process.argv.length > 2 ? process.argv.slice(2) : ['dist'])], {
  stdio: 'inherit',
});
if (result.error) {
  console.error(`The Nu Html Checker needs Java: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
