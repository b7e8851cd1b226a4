/**
 * The overview (GET /admin/uebersicht): per offer with rollout steps, how many Vorgänge stand at each
 * step, as a bar chart drawn on the server (SVG, no script; its colours are classes of the admin
 * stylesheet, the CSP allows no style attribute) beside a table with the same numbers (the table is
 * what assistive technology reads; the chart's name points to it), and the median days from interest
 * to the Einzelabruf and from the Einzelabruf to live (server/admin/rollout-overview.ts).
 */
import type { OfferOverview, StepCount } from '../admin/rollout-overview.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import type { SignedIn } from './AccountBar.tsx';
import type { PageRenderer } from './render.tsx';
import { ScrollTable } from './SubmissionsTable.tsx';

const s = adminStrings.overview;

/** The chart's geometry in SVG units: a label line above each bar. */
const WIDTH = 480;
const ROW = 46;
const BAR = 18;
const BAR_MAX = 400;

export interface OverviewSection extends OfferOverview {
  readonly form: string;
  readonly titel: string;
}

function BarChart({ titel, counts }: { titel: string; counts: readonly StepCount[] }) {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return (
    <svg class="chart" role="img" aria-label={fill(s.chartLabel, { titel })} viewBox={`0 0 ${WIDTH} ${counts.length * ROW}`} width={WIDTH} height={counts.length * ROW}>
      {counts.map((c, i) => {
        const width = Math.round((c.count / most) * BAR_MAX);
        const y = i * ROW;
        return (
          <g key={c.id || 'frueher'}>
            <text class="chart-text" x="0" y={y + 15}>
              {c.titel}
            </text>
            {width > 0 && <rect class="chart-bar" x="0" y={y + 21} width={width} height={BAR} />}
            <text class="chart-text" x={width + 6} y={y + 21 + BAR - 4}>
              {c.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const days = (value: { median: number | null; n: number }): string => {
  if (value.median === null) return s.noData;
  const shown = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(value.median);
  return fill(value.median === 1 ? s.day : s.days, { days: shown, n: value.n });
};

function Section({ form, titel, counts, total, toEinzelabruf, toLive }: OverviewSection) {
  const headingId = `uebersicht-${form}`;
  return (
    // Not a landmark itself: the table's scrolling region below is the one named by the heading.
    <section>
      <h2 id={headingId}>{titel}</h2>
      <p>{fill(s.total, { n: total })}</p>
      <div class="overview">
        <BarChart titel={titel} counts={counts} />
        <ScrollTable labelledBy={headingId} labels={[s.step, s.count]}>
          {counts.map((c) => (
            <tr key={c.id || 'frueher'}>
              <th scope="row" class="text">
                {c.titel}
              </th>
              <td class="whole">{c.count}</td>
            </tr>
          ))}
        </ScrollTable>
      </div>
      <dl class="facts">
        <div>
          <dt>{s.toEinzelabruf}</dt>
          <dd>{days(toEinzelabruf)}</dd>
        </div>
        <div>
          <dt>{s.toLive}</dt>
          <dd>{days(toLive)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function overviewPage(renderer: PageRenderer, sections: readonly OverviewSection[], signedIn: SignedIn | null): string {
  return renderer.admin(
    s.title,
    <>
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      {sections.length === 0 ? <p>{s.none}</p> : sections.map((section) => <Section key={section.form} {...section} />)}
    </>,
    signedIn,
  );
}
