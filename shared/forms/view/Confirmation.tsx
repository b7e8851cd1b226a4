/**
 * The confirmation after a successful submission: the heading, the reference number and, for an
 * offer's interest form, the offer's own steps (its `schritte`) and a link to the offer. The island shows it in the page (heading focused); the
 * thank-you page after a post without JavaScript renders it as its content, with the reference
 * number filled in from `?ref=` by a small script (`reference: 'from-url'`).
 */
import type { Ref } from 'preact';
import { formStrings as s } from '../../strings/form.ts';
import type { FormMeta } from '../types.ts';
import { fill } from '../../strings/template.ts';
import { StepList } from './StepList.tsx';

interface Props {
  readonly form: FormMeta;
  /** The reference number; null when there is none (other backends); 'from-url': hidden slots for the page's script. */
  readonly reference: string | null | 'from-url';
  /** 1 on the thank-you page, 2 inside the form page. */
  readonly headingLevel?: 1 | 2 | undefined;
  readonly headingRef?: Ref<HTMLHeadingElement> | undefined;
}

export function Confirmation({ form, reference, headingLevel = 2, headingRef }: Props) {
  const strings = form.texts;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const fromUrl = reference === 'from-url';
  const slot = fromUrl ? { 'data-reference': '', hidden: true } : {};
  return (
    <div class="form-confirmation">
      <div role="status" class="form-panel">
        <Heading tabIndex={-1} ref={headingRef ?? null} class="form-panel-title">
          {strings.confirmationHeading}
        </Heading>
        {reference !== null && (
          <p {...slot} class="form-panel-body">
            {s.confirmation.referenceLabel}
            <br />
            <strong data-reference-value={fromUrl ? '' : undefined} class="form-reference">
              {fromUrl ? '' : reference}
            </strong>
          </p>
        )}
      </div>
      <p>{strings.confirmationText}</p>
      {reference !== null && <p {...slot}>{s.confirmation.referenceHint}</p>}
      {form.nextSteps.length > 0 && (
        <>
          <h2>{s.confirmation.nextStepsHeading}</h2>
          <StepList steps={form.nextSteps} />
        </>
      )}
      {form.offer !== undefined && (
        <p>
          <a href={form.offer.href}>{fill(s.interesse.nextStepsLink, { angebot: form.offer.titel })}</a>
        </p>
      )}
    </div>
  );
}
