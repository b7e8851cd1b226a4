/**
 * The browser side of `client:interaction` (see client-interaction.ts). Astro inlines this into
 * every page with such an island.
 */
import type { ClientDirective } from 'astro';

/** What counts as reaching for the island; each bubbles up to the <astro-island> element. */
const FIRST_INTERACTION = ['pointerover', 'pointerdown', 'focusin'] as const;

const interaction: ClientDirective = (load, _options, island) => {
  let hydrated = false;
  let hydrating: Promise<void> | null = null;
  const hydrate = (): Promise<void> => {
    for (const type of FIRST_INTERACTION) island.removeEventListener(type, start);
    hydrating ??= load()
      .then((run) => run())
      .then(() => {
        hydrated = true;
      });
    return hydrating;
  };
  const start = (): void => {
    hydrate().catch(() => undefined);
  };
  for (const type of FIRST_INTERACTION) island.addEventListener(type, start, { passive: true });

  // A submit that comes before the island: hold it, then submit again through the island, or
  // post the form as without JavaScript when its code does not arrive.
  island.addEventListener(
    'submit',
    (event) => {
      if (hydrated) return;
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      event.preventDefault();
      const submitter = event.submitter;
      hydrate().then(
        () => (submitter !== null && form.contains(submitter) ? form.requestSubmit(submitter) : form.requestSubmit()),
        () => form.submit(),
      );
    },
    { capture: true },
  );
};

export default interaction;
