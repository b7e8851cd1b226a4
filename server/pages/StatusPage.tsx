/**
 * The authority's private status page (GET /status/<token>) in the site's public frame: the
 * Behörde, the offer, the step it stands at, the steps to going live with that one marked, what
 * comes next (where that is the Einzelabruf: how to send it, in the offer page's words) and whom to
 * contact (the offer's contacts by role and e-mail). Nothing else: no person's name, no
 * Eingangsnummer, no note. And the pages for a link that is unknown, revoked or expired.
 */
import { formatDate } from '../../shared/lib/dates.ts';
import { withGapTexts } from '../../shared/lib/gaps.ts';
import type { PublicStatus } from '../../shared/lib/rollout.ts';
import type { OfferRollout, PostalAddress } from '../../shared/lib/server-files.ts';
import { copiesText, de } from '../../shared/strings/de.ts';
import { serverStrings } from '../strings/server.ts';
import { fill } from '../../shared/strings/template.ts';
import { FactList } from './FactList.tsx';
import type { PageRenderer } from './render.tsx';

const s = serverStrings.status;

export interface StatusPageData {
  readonly behoerde: string;
  readonly offerTitle: string;
  readonly status: PublicStatus;
  readonly offer: OfferRollout | undefined;
  readonly einreichung: { readonly bebpoEmpfaenger: string; readonly anschrift: PostalAddress };
  /** ISO 8601. */
  readonly expiresAt: string;
}

function Address({ anschrift }: { anschrift: PostalAddress }) {
  const lines = [anschrift.empfaenger, anschrift.zusatz, anschrift.strasse, `${anschrift.plz} ${anschrift.ort}`].filter((line): line is string => line !== undefined && line !== '');
  return (
    <address>
      {lines.map((line, i) => (
        <span key={line}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </address>
  );
}

/** How the signed Einzelabruf is sent: the offer page's three steps. */
function SendEinzelabruf({ offer, einreichung }: { offer: OfferRollout; einreichung: StatusPageData['einreichung'] }) {
  const { dokument, unterzeichnetVon, ausfertigungenPost } = offer.einreichung;
  const copies = copiesText(ausfertigungenPost);
  return (
    <>
      <p>{s.sendEinzelabruf}</p>
      <ol>
        <li>{fill(de.offer.submissionDocument, { dokument, unterzeichner: unterzeichnetVon })}</li>
        <li>
          {de.offer.bebpoStep} {de.offer.bebpoRecipient} <strong>{einreichung.bebpoEmpfaenger}</strong>
        </li>
        <li>
          {fill(de.offer.postStep, { anzahl: copies })}
          <Address anschrift={einreichung.anschrift} />
        </li>
      </ol>
    </>
  );
}

export function statusPage(renderer: PageRenderer, data: StatusPageData): string {
  // An open editorial gap in the content reads „wird ergänzt“, as on the site's pages.
  const { behoerde, offerTitle, status, offer, einreichung, expiresAt } = withGapTexts(data, de.gap);
  const facts: [string, string][] = [
    [s.behoerde, behoerde],
    [s.offer, offerTitle],
    [s.current, status.current],
  ];
  return renderer.page(
    s.title,
    <>
      <h1>{s.title}</h1>
      <div class="prose">
        <p>{s.intro}</p>
        {/* Classes the public stylesheet has (the offer page's facts use them). */}
        <FactList classes={{ term: 'font-bold', value: 'mb-3 ml-0' }} facts={facts} />
        {status.way.length > 0 && (
          <>
            <h2>{s.wayHeading}</h2>
            <ol>
              {status.way.map((step, i) =>
                step.state === 'current' ? (
                  <li key={i} aria-current="step">
                    <strong>{step.titel}</strong> – {s.wayCurrent}
                  </li>
                ) : (
                  <li key={i}>{step.state === 'passed' ? `${step.titel} – ${s.wayPassed}` : step.titel}</li>
                ),
              )}
            </ol>
          </>
        )}
        <h2>{s.nextHeading}</h2>
        {status.next === null ? (
          <p>{s.ended}</p>
        ) : status.next.kind === 'einzelabruf' && offer !== undefined ? (
          <SendEinzelabruf offer={offer} einreichung={einreichung} />
        ) : (
          <p>{fill(s.next, { titel: status.next.kind === 'step' ? status.next.titel : '' })}</p>
        )}
        {offer !== undefined && offer.kontakte.length > 0 && (
          <>
            <h2>{de.offer.contactsHeading}</h2>
            <ul>
              {offer.kontakte.map((contact) => (
                <li key={contact.rolle + contact.email}>
                  {contact.rolle}, {de.offer.email} <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>{fill(s.validUntil, { date: formatDate(new Date(expiresAt)) })}</p>
      </div>
    </>,
  );
}

/** The page of a link that does not work: unknown (or deleted), revoked or expired; or of too many requests. */
export function statusRefusedPage(renderer: PageRenderer, reason: 'unknown' | 'revoked' | 'expired' | 'rateLimited', expiresAt?: string): string {
  const text = s[reason];
  const paragraph = fill(text.text, { date: expiresAt === undefined ? '' : formatDate(new Date(expiresAt)) });
  return renderer.page(
    text.title,
    <>
      <h1>{text.title}</h1>
      <div class="prose">
        <p>{paragraph}</p>
        <p>
          <a href="/">{serverStrings.home}</a>
        </p>
      </div>
    </>,
  );
}
