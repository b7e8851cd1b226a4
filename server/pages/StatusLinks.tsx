/**
 * A Vorgang's status links on its page: the form that creates one (validity chosen, 90 days
 * preselected), a new link's address once (on the page that answers the POST), and every link
 * with its dates, its state and a button that revokes it.
 */
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { formatReceivedAt as formatDate } from '../export/format.ts';
import { DEFAULT_VALIDITY_DAYS, VALIDITY_DAYS, type LinkNotice, type LinkState } from '../admin/status-links.ts';
import type { StatusLink } from '../store/index.ts';
import { CsrfField } from './AccountBar.tsx';
import { ScrollTable } from './SubmissionsTable.tsx';

const s = adminStrings.statusLinks;

/** What the section shows: the links with their state now, and a notice of the last POST. */
export interface StatusLinksData extends LinkNotice {
  readonly links: readonly (StatusLink & { readonly state: LinkState })[];
}

function stateText(link: StatusLink & { state: LinkState }): string {
  if (link.state === 'revoked') return fill(s.revokedAt, { date: formatDate(link.revokedAt ?? '') });
  return link.state === 'expired' ? s.expired : s.valid;
}

export function StatusLinks({ action, data, csrfToken }: { action: string; data: StatusLinksData; csrfToken: string }) {
  return (
    // Not a landmark itself: the table's scrolling region below is the one named by the heading.
    <section>
      <h2 id="statuslinks">{s.heading}</h2>
      <p>{s.intro}</p>
      {data.url !== undefined && (
        <div class="notice" role="status">
          <h3>{s.created}</h3>
          <p>{s.createdText}</p>
          <label for="neuer-statuslink">{s.createdLabel}</label>
          <input id="neuer-statuslink" type="text" readOnly value={data.url} class="link-output" />
        </div>
      )}
      {data.error !== undefined && (
        <p class="field-error" role="alert">
          <span class="visually-hidden">{adminStrings.signIn.errorLabel} </span>
          {data.error}
        </p>
      )}
      <form method="post" action={action}>
        <CsrfField csrfToken={csrfToken} />
        <label for="gueltigkeit">{s.validity}</label>
        <span id="gueltigkeit-hint" class="hint">
          {s.validityHint}
        </span>
        <select id="gueltigkeit" name="gueltigkeit" aria-describedby="gueltigkeit-hint">
          {VALIDITY_DAYS.map((days) => (
            <option key={days} value={String(days)} selected={days === DEFAULT_VALIDITY_DAYS}>
              {fill(s.days, { n: days })}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button">
          {s.create}
        </button>
      </form>
      {data.links.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ScrollTable labelledBy="statuslinks" labels={[s.createdAt, s.expiresAt, s.state, s.action]}>
          {data.links.map((link) => (
            <tr key={link.id}>
              <th scope="row" class="whole">
                {formatDate(link.createdAt)}
              </th>
              <td class="whole">{formatDate(link.expiresAt)}</td>
              <td class="text">{stateText(link)}</td>
              <td>
                {link.state === 'valid' && (
                  <form method="post" action={`${action}/${link.id}/widerrufen`}>
                    <CsrfField csrfToken={csrfToken} />
                    <button type="submit" class="button button-secondary" aria-label={fill(s.revokeLabel, { date: formatDate(link.createdAt) })}>
                      {s.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
