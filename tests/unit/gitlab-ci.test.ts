/**
 * The GitLab pipeline (.gitlab-ci.yml) calls only npm scripts that package.json has, also through the
 * shell scripts it runs (.ci/run); it checks every merge request and builds and keeps dist/ and
 * dist-server/ on the main branch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pipeline = load(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
/** npm's own commands a pipeline may call besides the scripts. */
const NPM_COMMANDS = ['ci', 'install'];
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'];

/** Every command line of the pipeline's jobs, with the lines of the repository's shell scripts they run. */
function commandLines(): string[] {
  const jobs = Object.values(pipeline).filter((job) => job !== null && typeof job === 'object' && SCRIPT_KEYS.some((key) => key in job));
  const lines = jobs.flatMap((job) => SCRIPT_KEYS.flatMap((key) => (job[key] as string[] | undefined) ?? []));
  return lines.flatMap((line) => {
    const file = /^(?:bash\s+|sh\s+)?(\.?\/?[\w./-]+)$/.exec(line.trim())?.[1];
    return file !== undefined && existsSync(join(root, file)) ? [line, ...readFileSync(join(root, file), 'utf8').split('\n')] : [line];
  });
}

/** The npm scripts a command line calls: `npm run x`, `npm test`, `npm start`. */
function npmCalls(line: string): { script?: string; command?: string }[] {
  return [...line.matchAll(/(?:^|[\s;&|(])npm\s+(run(?:-script)?\s+([\w:.-]+)|test|start|ci|install)\b/g)].map((m) =>
    m[2] !== undefined ? { script: m[2] } : m[1] === 'test' || m[1] === 'start' ? { script: m[1] } : { command: m[1] ?? '' },
  );
}

describe('the GitLab pipeline', () => {
  it('calls only npm scripts that package.json has', () => {
    const calls = commandLines().flatMap(npmCalls);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      if (call.script !== undefined) expect(scripts, `npm script „${call.script}“ (.gitlab-ci.yml)`).toContain(call.script);
      else expect(NPM_COMMANDS).toContain(call.command);
    }
  });

  it('recognises the ways a pipeline calls npm', () => {
    expect(npmCalls('npm ci && npm run build')).toEqual([{ command: 'ci' }, { script: 'build' }]);
    expect(npmCalls('npm test; npm run-script cms:normalise')).toEqual([{ script: 'test' }, { script: 'cms:normalise' }]);
    expect(npmCalls('echo npmtest')).toEqual([]);
  });

  it('checks merge requests, and on the main branch builds after the checks and keeps dist/ and dist-server/', () => {
    const rules = JSON.stringify(pipeline['workflow']?.['rules']);
    expect(rules).toContain('merge_request_event');
    expect(rules).toContain('$CI_DEFAULT_BRANCH');
    expect(commandLines()).toContain('npm test');
    const site = pipeline['site'] as { stage: string; script: string[]; artifacts: { paths: string[] } };
    expect((pipeline['stages'] as unknown as string[]).indexOf(site.stage)).toBeGreaterThan((pipeline['stages'] as unknown as string[]).indexOf(String(pipeline['checks']?.['stage'])));
    expect(site.script).toContain('npm run build');
    // Both halves of the build: the server reads dist-server/ (compiled server, content.json, manifest), nginx its nginx/.
    expect(site.artifacts.paths).toEqual(['dist/', 'dist-server/']);
  });
});
