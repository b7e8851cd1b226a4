/**
 * The confirmation after a successful submission: the heading, the reference number and, for a
 * form with next steps, what to do now. The island shows it in the page (heading focused); the
 * thank-you page after a post without JavaScript renders it as its content, with the reference
 * number filled in from `?ref=` by a small script (`reference: 'from-url'`).
 */
import type { Ref } from 'preact';
import { formStrings as s } from '../../strings/form.ts';
import type { FormName } from '../types.ts';

interface Props {
  readonly form: FormName;
  /** The reference number; null when there is none (other backends); 'from-url': hidden slots for the page's script. */
  readonly reference: string | null | 'from-url';
  /** The offer page the next steps link to. */
  readonly offerHref?: string | undefined;
  /** 1 on the thank-you page, 2 inside the form page. */
  readonly headingLevel?: 1 | 2 | undefined;
  readonly headingRef?: Ref<HTMLHeadingElement> | undefined;
}

export function Confirmation({ form, reference, offerHref, headingLevel = 2, headingRef }: Props) {
  const strings = s[form];
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
      {strings.nextSteps.length > 0 && offerHref !== undefined && (
        <>
          <h2>{s.confirmation.nextStepsHeading}</h2>
          <ol>
            {strings.nextSteps.map((step) => (
              <li key={step.anchor}>
                {step.text} <a href={`${offerHref}#${step.anchor}`}>{step.link}</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
