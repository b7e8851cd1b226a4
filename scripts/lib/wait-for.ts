/** Polling until something is true, for the tests and the benchmark. */
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves as soon as `check` returns true, checking every `everyMs`; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waitFor: nach ${timeoutMs} ms nicht erfüllt`);
    await sleep(everyMs);
  }
}
