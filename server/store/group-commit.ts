/**
 * Group commit: at most one commit is in flight; whatever arrives meanwhile waits and goes into the
 * next transaction together, and each caller is answered when the transaction that holds its item
 * has committed — or gets that transaction's error. Under load this turns N fsyncs into one.
 */

export interface GroupCommitOptions {
  /** Most items in one transaction. */
  readonly maxBatch: number;
  /** Called after each successful commit with its number of items. */
  readonly onCommit?: (items: number) => void;
}

export function groupCommit<I, O>(commit: (batch: I[]) => Promise<O[]>, { maxBatch, onCommit }: GroupCommitOptions): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = false;

  function flush(): void {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    const batch = queue.splice(0, maxBatch);
    Promise.resolve()
      .then(() => commit(batch.map((entry) => entry.item)))
      .then((results) => {
        if (results.length !== batch.length) throw new Error(`Group commit: ${results.length} Ergebnisse für ${batch.length} Einträge`);
        onCommit?.(batch.length);
        batch.forEach((entry, i) => entry.resolve(results[i] as O));
      })
      // A failed commit and a wrong number of results alike: every caller of the batch gets the error.
      .catch((error: unknown) => {
        for (const entry of batch) entry.reject(error);
      })
      .finally(() => {
        inFlight = false;
        flush();
      });
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      flush();
    });
}
