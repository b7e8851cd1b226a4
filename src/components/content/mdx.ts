/** Components an editor may use in any MDX file without importing them. */
import Anschrift from './Anschrift.astro';
import Fakt from './Fakt.astro';
import Luecke from './Luecke.astro';
import Postfach from './Postfach.astro';

export const mdxComponents = { Anschrift, Fakt, Luecke, Postfach };
