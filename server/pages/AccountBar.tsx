/**
 * The admin frame's header for a signed-in account: the links to the admin area's pages, who is
 * signed in, and the sign-out form (a POST with the session's CSRF token: signing out changes something).
 */
import { adminStrings as s } from '../../shared/strings/admin.ts';

export interface SignedIn {
  readonly account: string;
  readonly csrfToken: string;
}

/** The hidden field every admin form that changes something carries (checked by server/admin/auth.ts). */
export const CSRF_FIELD = '_csrf';

export function CsrfField({ csrfToken }: { csrfToken: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={csrfToken} />;
}

/** The areas of the admin area. */
function AdminNav() {
  return (
    <nav class="admin-nav" aria-label={s.nav.label}>
      <a href="/admin/">{s.nav.vorgaenge}</a>
      <a href="/admin/uebersicht">{s.nav.overview}</a>
    </nav>
  );
}

export function AccountBar({ account, csrfToken }: SignedIn) {
  return (
    <>
      <AdminNav />
      <form class="admin-account" method="post" action="/admin/abmelden" aria-label={s.account.label}>
        <span>
          {s.account.signedInAs} <strong class="whole">{account}</strong>
        </span>
        <CsrfField csrfToken={csrfToken} />
        <button type="submit" class="button button-secondary">
          {s.account.signOut}
        </button>
      </form>
    </>
  );
}
