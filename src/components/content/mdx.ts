/** Components an editor may use in any MDX file without importing them. */
import Anschrift from './Anschrift.astro';
import Benachrichtigung from './Benachrichtigung.astro';
import Einstellung from './Einstellung.astro';
import Fakt from './Fakt.astro';
import Formularfelder from './Formularfelder.astro';
import Formularserver from './Formularserver.astro';
import Formularweg from './Formularweg.astro';
import GepruefteRegeln from './GepruefteRegeln.astro';
import Luecke from './Luecke.astro';
import Postfach from './Postfach.astro';
import Protokollangaben from './Protokollangaben.astro';
import Verwaltung from './Verwaltung.astro';

export const mdxComponents = { Anschrift, Benachrichtigung, Einstellung, Fakt, Formularfelder, Formularserver, Formularweg, GepruefteRegeln, Luecke, Postfach, Protokollangaben, Verwaltung };
