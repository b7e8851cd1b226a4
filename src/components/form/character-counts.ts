/**
 * The island's character counts (GOV.UK character count): once hydrated, every long text field
 * with a limit shows how many characters are left. The visible count follows each key; the count
 * for screen readers (a polite live region) follows once typing pauses, as GOV.UK does, so that it
 * does not talk over the typing.
 */
import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FormMeta } from '../../../shared/forms/types.ts';
import type { CountState } from '../../../shared/forms/view/CharacterCount.tsx';
import { hasCharacterCount } from '../../../shared/forms/view/ids.ts';

/** Pause in typing after which the count is announced. */
const ANNOUNCE_AFTER_MS = 1000;

type Counts = Readonly<Record<string, CountState>>;

export function useCharacterCounts(form: FormMeta): { current: Counts | undefined; onInput: (event: TargetedEvent<HTMLFormElement>) => void } {
  const [counts, setCounts] = useState<Counts | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const counted = form.fields.filter(hasCharacterCount).map((field) => field.name);

  // Start from what the browser already holds (autofill, back button).
  useEffect(() => {
    const initial: Record<string, CountState> = {};
    for (const name of counted) {
      const control = document.getElementById(name);
      const length = control instanceof HTMLTextAreaElement ? control.value.length : 0;
      initial[name] = { length, announced: length };
    }
    setCounts(initial);
    return () => clearTimeout(timer.current);
  }, [form]);

  function onInput(event: TargetedEvent<HTMLFormElement>): void {
    const target = event.target;
    if (!(target instanceof HTMLTextAreaElement) || !counted.includes(target.name)) return;
    const { name } = target;
    const length = target.value.length;
    setCounts((current) => ({ ...current, [name]: { length, announced: current?.[name]?.announced ?? length } }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setCounts((current) => current && Object.fromEntries(Object.entries(current).map(([key, count]) => [key, { length: count.length, announced: count.length }])));
    }, ANNOUNCE_AFTER_MS);
  }

  return { current: counts, onInput };
}
