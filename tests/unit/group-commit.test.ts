import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../server/store/group-commit.ts';

/** A commit whose transactions the test ends by hand, to see what goes into which. */
function controlledCommit() {
  const transactions: { items: number[]; finish: (ok: boolean) => void }[] = [];
  const commit = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      transactions.push({ items, finish: (ok) => (ok ? resolve(items.map((i) => `ref-${i}`)) : reject(new Error('COMMIT fehlgeschlagen'))) });
    });
  return { transactions, commit };
}

const settle = () => sleep(0);

describe('group commit', () => {
  it('puts everything that arrives during a commit into the next transaction and answers each after its commit', async () => {
    const { transactions, commit } = controlledCommit();
    const save = groupCommit(commit, { maxBatch: 100 });
    const answered: string[] = [];
    const first = save(1).then((r) => answered.push(r));
    await settle();
    const rest = [2, 3, 4].map((i) => save(i).then((r) => answered.push(r)));
    await settle();
    expect(transactions.map((t) => t.items)).toEqual([[1]]);
    transactions[0]!.finish(true);
    await first;
    await settle();
    expect(answered).toEqual(['ref-1']);
    expect(transactions.map((t) => t.items)).toEqual([[1], [2, 3, 4]]);
    transactions[1]!.finish(true);
    await Promise.all(rest);
    expect(answered).toEqual(['ref-1', 'ref-2', 'ref-3', 'ref-4']);
  });

  it('answers every item of a failed commit with its error, and goes on with the next transaction', async () => {
    const { transactions, commit } = controlledCommit();
    const save = groupCommit(commit, { maxBatch: 100 });
    const first = save(1);
    await settle();
    const batch = [2, 3].map((i) => save(i).then((r) => ({ ok: r }), (e: Error) => ({ error: e.message })));
    await settle();
    transactions[0]!.finish(true);
    await first;
    await settle();
    transactions[1]!.finish(false);
    expect(await Promise.all(batch)).toEqual([{ error: 'COMMIT fehlgeschlagen' }, { error: 'COMMIT fehlgeschlagen' }]);
    const after = save(5);
    await settle();
    transactions[2]!.finish(true);
    expect(await after).toBe('ref-5');
  });

  it('never puts more than maxBatch items into one transaction, and answers a commit that throws at once with its error', async () => {
    const { transactions, commit } = controlledCommit();
    const save = groupCommit(commit, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((i) => save(i));
    await settle();
    for (let n = 0; n < 3; n++) {
      transactions[n]!.finish(true);
      await settle();
    }
    await Promise.all(all);
    expect(transactions.map((t) => t.items)).toEqual([[1], [2, 3], [4, 5]]);
    const throwing = groupCommit<number, string>(() => {
      throw new Error('sofort');
    }, { maxBatch: 10 });
    await expect(throwing(1)).rejects.toThrow('sofort');
  });
});
