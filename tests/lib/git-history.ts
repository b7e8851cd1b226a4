/**
 * When a content file came into the portal, from the repository's history: the author date of the
 * commit that added it (kept when a commit is rebased, cherry-picked or merged later). The
 * no-backdating check needs the whole history: without git, outside a repository or in a shallow
 * clone it throws, saying what to do, instead of checking nothing.
 */
import { execFileSync } from 'node:child_process';
import { isoDate } from '../../shared/lib/dates.ts';

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    const reason = code === 'ENOENT' ? 'git ist nicht installiert' : (stderr ?? String(error)).trim().split('\n')[0];
    throw new Error(`Die Git-Historie ist nicht lesbar (${reason}). Die Prüfung gegen rückdatierte Meldungen braucht einen vollständigen Klon des Repositorys.`, {
      cause: error,
    });
  }
}

/**
 * The day (JJJJ-MM-TT) `file` was first committed, or `today` when it is not committed yet (an editor
 * checking a new item before the commit). Throws when the history cannot tell.
 */
export function firstCommitDay(file: string, cwd: string = process.cwd(), today: Date = new Date()): string {
  if (git(['rev-parse', '--is-shallow-repository'], cwd) === 'true') {
    throw new Error(
      'Das Repository ist ein flacher Klon (git clone --depth): Wann eine Meldung hinzukam, steht nicht darin. ' +
        'Holen Sie die ganze Historie (git fetch --unshallow) und starten Sie die Tests erneut.',
    );
  }
  const days = git(['log', '--diff-filter=A', '--follow', '--format=%as', '--', file], cwd).split('\n').filter((day) => day !== '');
  return days.at(-1) ?? isoDate(today);
}
