/**
 * The site paths of an offer and its interest form. One place, so that pages, the form
 * definitions and the form server agree (all with a trailing slash, as the site is built).
 */

/** The page of an offer: /angebote/<id>/. */
export function offerPath(offerId: string): string {
  return `/angebote/${offerId}/`;
}

/** The interest form of an offer: /angebote/<id>/interesse/. */
export function interestFormPath(offerId: string): string {
  return `${offerPath(offerId)}interesse/`;
}

/** The thank-you page of an offer's interest form: /angebote/<id>/interesse/danke/. */
export function interestThanksPath(offerId: string): string {
  return `${interestFormPath(offerId)}danke/`;
}

/** The page of the barrier report form. */
const BARRIER_FORM_PATH = '/barrierefreiheit/barriere-melden/';

/**
 * What a built page is, by its path: a form page (with the form island), an offer page (with the
 * inline copy button) or a content page (no JavaScript).
 */
export function pageKind(path: string): 'form' | 'offer' | 'content' {
  if (path === BARRIER_FORM_PATH || /^\/angebote\/[^/]+\/interesse\/$/.test(path)) return 'form';
  if (/^\/angebote\/[^/]+\/$/.test(path)) return 'offer';
  return 'content';
}
