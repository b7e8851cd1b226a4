/**
 * `client:interaction`: an island hydrates when a person first reaches for it (pointer over it,
 * pointer down, focus inside), not when the page loads. Until then it is the server-rendered HTML,
 * which for a form is a real <form method="post"> that works without JavaScript. A form submitted
 * before the island is ready waits for it and is then submitted through the island; if its code
 * cannot be loaded, the form is posted as without JavaScript. Browser code:
 * client-interaction-directive.ts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    'client:interaction'?: boolean;
  }
}

export default function clientInteraction(): AstroIntegration {
  return {
    name: 'kv-client-interaction',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'interaction', entrypoint: fileURLToPath(new URL('./client-interaction-directive.ts', import.meta.url)) });
      },
    },
  };
}
