import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../server/store/group-commit.ts';
import { storedSubmissions, type TimedSubmission } from '../../server/store/types.ts';

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

  it('answers every caller with an error when a commit returns another number of results than items', async () => {
    const short = groupCommit<number, string>(async (items) => items.slice(1).map(String), { maxBatch: 10 });
    const answers = [1, 2].map((i) => short(i).then((r) => ({ ok: r }), (e: Error) => ({ error: e.message })));
    expect(await Promise.all(answers)).toEqual([{ error: 'Group commit: 0 Ergebnisse für 1 Einträge' }, { error: 'Group commit: 0 Ergebnisse für 1 Einträge' }]);
  });
});

describe('stored submissions of a batch', () => {
  const now = new Date('2025-03-01T12:00:00Z');
  const items: TimedSubmission[] = [
    { form: 'a', prefix: 'KV', data: { name: 'A' }, spam: false, now },
    { form: 'b', prefix: 'KV', data: { name: 'B' }, spam: true, now },
  ];

  it('pairs each item with the id and reference number the database returned for it', () => {
    expect(storedSubmissions(items, [{ id: 7, reference: 'KV-2025-000001' }, { id: 8, reference: 'KV-2025-000002' }])).toEqual([
      { id: 7, reference: 'KV-2025-000001', form: 'a', receivedAt: '2025-03-01T12:00:00.000Z', data: { name: 'A' } },
      { id: 8, reference: 'KV-2025-000002', form: 'b', receivedAt: '2025-03-01T12:00:00.000Z', data: {} },
    ]);
  });

  it('throws when the database returned fewer or more rows than the batch has items', () => {
    expect(() => storedSubmissions(items, [{ id: 7, reference: 'KV-2025-000001' }])).toThrow('Gespeichert: 1 Zeilen für 2 Einsendungen');
    expect(() => storedSubmissions(items, [1, 2, 3].map((id) => ({ id, reference: `KV-2025-00000${id}` })))).toThrow('Gespeichert: 3 Zeilen für 2 Einsendungen');
  });
});
