/**
 * The steps of a re-use in order; a step's `punkte` have no order of their own (unordered list).
 * One list for the offer page (rendered by Astro, no JavaScript) and the form's confirmation.
 */
import type { NextStep } from '../types.ts';
import { GapText } from './GapText.tsx';

interface Props {
  steps: readonly NextStep[];
  /** The offer page's spacing; the confirmation keeps the form's. */
  spaced?: boolean;
}

export function StepList({ steps, spaced = false }: Props) {
  return (
    <ol class={spaced ? 'pl-6' : undefined}>
      {steps.map((step) => (
        <li key={step.titel} class={spaced ? 'mb-3 pl-1' : undefined}>
          <strong><GapText value={step.titel} />:</strong> <GapText value={step.beschreibung} />
          {step.punkte && (
            <ul class={spaced ? 'mt-2' : undefined}>
              {step.punkte.map((punkt) => (
                <li key={punkt}><GapText value={punkt} /></li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
