/** Field names of the Formspree protocol that are not form fields. */

/** Honeypot field: people never see it, bots fill it in (Formspree's name). */
export const HONEYPOT_FIELD = '_gotcha';

/** Field with the page to go to after a plain form post (Formspree's name). */
export const NEXT_FIELD = '_next';
