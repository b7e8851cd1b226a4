/**
 * What a thing is, as a list of terms and values (a Vorgang's page, the authority's status page):
 * each value isolated in <bdi>, empty values left out.
 */
export function FactList({ facts, class: className }: { facts: readonly (readonly [string, string])[]; class?: string }) {
  return (
    <dl class={className}>
      {facts
        .filter(([, value]) => value !== '')
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
    </dl>
  );
}
