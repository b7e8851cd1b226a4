/**
 * How long the form server keeps client addresses for abuse protection. The server uses these
 * values and the Datenschutzerklärung shows them (<Einstellung />), so text and behaviour agree.
 */

/** Window of the per-address rate limits (form posts, admin requests). */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Window in which failed admin logins from one address are counted (then 429 until it has passed). */
export const ADMIN_FAILURE_WINDOW_MS = 15 * 60_000;

/** A staff member's session in the admin area ends after this long without a request (idle expiry) … */
export const ADMIN_SESSION_IDLE_MS = 30 * 60_000;

/** … and at the latest this long after signing in (absolute expiry). */
export const ADMIN_SESSION_MAX_MS = 8 * 3_600_000;
