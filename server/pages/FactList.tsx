/**
 * What a thing is, as a list of terms and values (a Vorgang's page, the authority's status page):
 * each value isolated in <bdi>, empty values left out; the classes come from the frame's stylesheet.
 */
export function FactList({ facts, classes = {} }: { facts: readonly (readonly [string, string])[]; classes?: { list?: string; term?: string; value?: string } }) {
  return (
    <dl class={classes.list}>
      {facts
        .filter(([, value]) => value !== '')
        .map(([term, value]) => (
          <div key={term}>
            <dt class={classes.term}>{term}</dt>
            <dd class={classes.value}>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
    </dl>
  );
}
