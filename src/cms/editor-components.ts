/**
 * The MDX building blocks an editor uses (src/components/content/mdx.ts) as editor components of
 * the CMS's rich-text editor, so an editor inserts and changes them from a menu and never types JSX.
 * Each is written once as a sequence of parts; the pattern that finds it in a text and the text it
 * writes back both come from those parts, so reading and writing cannot drift apart (a unit test
 * reads and writes every form back). The allowed values come from where the components check them.
 *
 * <Formularweg> and <Verwaltung> enclose Markdown with further building blocks, and the CMS cannot
 * nest editor components: their opening and closing tags are two components of their own, with the
 * text between them edited as usual.
 */
import { FORM_KINDS } from '../../shared/forms/index.ts';
import { FORM_BACKENDS, SETTING_PERIODS } from '../lib/deployment.ts';
import { cmsComponentTexts as texts } from '../strings/cms.ts';

/** A part of a building block's text: literal text, a field's value, or an optional word. */
export type Part = string | { readonly field: string } | { readonly flag: string; readonly text: string };

/** A field of an editor component (a CMS field; `options` make it a choice). */
export interface ComponentField {
  readonly name: string;
  readonly label: string;
  readonly widget: 'string' | 'text' | 'select' | 'boolean';
  readonly options?: readonly string[];
  readonly hint?: string;
  readonly required?: boolean;
}

export interface ComponentSpec {
  readonly id: string;
  readonly label: string;
  /** A Material Symbols icon name. */
  readonly icon: string;
  readonly fields: readonly ComponentField[];
  readonly parts: readonly Part[];
  /** Whether the block stands on a line of its own (block) or inside a paragraph (inline). */
  readonly block: boolean;
  /** What the preview pane shows: text with {field} placeholders. */
  readonly preview: string;
}

/** The building blocks and their allowed values. `factFields`: the text fields of site.yaml's organisation. */
export function componentSpecs(factFields: readonly string[]): ComponentSpec[] {
  const t = texts;
  const named = ({ label, preview }: { label: string; preview: string }) => ({ label, preview });
  const choice = (name: string, label: string, options: readonly string[]): ComponentField => ({ name, label, widget: 'select', options });
  return [
    { id: 'postfach', ...named(t.postfach), icon: 'alternate_email', fields: [], parts: ['<Postfach />'], block: false },
    { id: 'anschrift', ...named(t.anschrift), icon: 'home_work', fields: [], parts: ['<Anschrift />'], block: true },
    {
      id: 'fakt',
      ...named(t.fakt),
      icon: 'info',
      fields: [choice('feld', t.fakt.feld, factFields), { name: 'zeilen', label: t.fakt.zeilen, widget: 'boolean', required: false }],
      parts: ['<Fakt feld="', { field: 'feld' }, '"', { flag: 'zeilen', text: ' zeilen' }, ' />'],
      block: false,
    },
    {
      id: 'luecke',
      ...named(t.luecke),
      icon: 'edit_note',
      fields: [{ name: 'was', label: t.luecke.was, widget: 'string', hint: t.luecke.hint }],
      parts: ['<Luecke>', { field: 'was' }, '</Luecke>'],
      block: false,
    },
    {
      id: 'einstellung',
      ...named(t.einstellung),
      icon: 'schedule',
      fields: [choice('name', t.einstellung.name, SETTING_PERIODS)],
      parts: ['<Einstellung name="', { field: 'name' }, '" />'],
      block: false,
    },
    { id: 'benachrichtigung', ...named(t.benachrichtigung), icon: 'forward_to_inbox', fields: [], parts: ['<Benachrichtigung />'], block: false },
    { id: 'formularserver', ...named(t.formularserver), icon: 'dns', fields: [], parts: ['<Formularserver />'], block: false },
    { id: 'gepruefte-regeln', ...named(t.gepruefteRegeln), icon: 'fact_check', fields: [], parts: ['<GepruefteRegeln />'], block: false },
    { id: 'protokollangaben', ...named(t.protokollangaben), icon: 'receipt_long', fields: [], parts: ['<Protokollangaben />'], block: true },
    {
      id: 'formularfelder',
      ...named(t.formularfelder),
      icon: 'list_alt',
      fields: [choice('form', t.formularfelder.form, FORM_KINDS)],
      parts: ['<Formularfelder form="', { field: 'form' }, '" />'],
      block: true,
    },
    {
      id: 'formularweg',
      ...named(t.formularweg),
      icon: 'alt_route',
      // One or more cases, separated by spaces (<Formularweg fall="eigener-server eigener-server-extern">): a text, checked by the build.
      fields: [{ name: 'fall', label: t.formularweg.fall, widget: 'string', hint: `${t.formularweg.fallHint} ${FORM_BACKENDS.join(', ')}.`, required: true }],
      parts: ['<Formularweg fall="', { field: 'fall' }, '">'],
      block: true,
    },
    { id: 'formularweg-ende', ...named(t.formularwegEnde), icon: 'alt_route', fields: [], parts: ['</Formularweg>'], block: true },
    { id: 'verwaltung', ...named(t.verwaltung), icon: 'admin_panel_settings', fields: [], parts: ['<Verwaltung>'], block: true },
    { id: 'verwaltung-ende', ...named(t.verwaltungEnde), icon: 'admin_panel_settings', fields: [], parts: ['</Verwaltung>'], block: true },
    {
      id: 'hinweis',
      ...named(t.hinweis),
      icon: 'sticky_note_2',
      fields: [{ name: 'text', label: t.hinweis.text, widget: 'text' }],
      parts: ['{/*', { field: 'text' }, '*/}'],
      block: true,
    },
  ];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The pattern (source and flags) that finds a building block's text. */
export function componentPattern(spec: ComponentSpec): { source: string; flags: string } {
  const body = spec.parts
    .map((part) => {
      if (typeof part === 'string') return escape(part);
      if ('flag' in part) return `(?<${part.flag}>${escape(part.text)})?`;
      const field = spec.fields.find((f) => f.name === part.field);
      if (field?.options !== undefined) return `(?<${part.field}>${field.options.map(escape).join('|')})`;
      // A comment may span lines; any other value stays inside its tag.
      return field?.widget === 'text' ? `(?<${part.field}>[\\s\\S]*?)` : `(?<${part.field}>[^<>"\\n]*)`;
    })
    .join('');
  return spec.block ? { source: `^${body}$`, flags: 'm' } : { source: body, flags: '' };
}

/** What the generated script passes to the browser for one component. */
export interface ComponentDefinition {
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  readonly fields: readonly ComponentField[];
  readonly pattern: { source: string; flags: string };
  readonly parts: readonly Part[];
  readonly preview: string;
  /** Inline components show as a compact placeholder (its summary) that opens their fields in a dialog. */
  readonly mode: 'block' | 'dialog';
  readonly summary?: string;
}

/**
 * Registers the components with the CMS. Runs in the browser as the text of this function (the
 * generated editor-components.js), so it uses nothing from outside its parameters.
 */
export function registerEditorComponents(definitions: readonly ComponentDefinition[], cms: { registerEditorComponent: (definition: object) => void }): void {
  for (const definition of definitions) {
    const values = (match: RegExpMatchArray): Record<string, string | boolean> => {
      const result: Record<string, string | boolean> = {};
      for (const part of definition.parts) {
        if (typeof part === 'string') continue;
        if ('flag' in part) result[part.flag] = match.groups?.[part.flag] !== undefined;
        else result[part.field] = match.groups?.[part.field] ?? '';
      }
      return result;
    };
    const write = (props: Record<string, unknown>): string =>
      definition.parts
        .map((part) => {
          if (typeof part === 'string') return part;
          if ('flag' in part) return props[part.flag] === true ? part.text : '';
          return String(props[part.field] ?? '');
        })
        .join('');
    cms.registerEditorComponent({
      id: definition.id,
      label: definition.label,
      icon: definition.icon,
      mode: definition.mode,
      ...(definition.summary === undefined ? {} : { summary: definition.summary }),
      fields: definition.fields,
      pattern: new RegExp(definition.pattern.source, definition.pattern.flags),
      fromBlock: values,
      toBlock: write,
      toPreview: (props: Record<string, unknown>) => definition.preview.replace(/\{(\w+)\}/g, (_all, name: string) => String(props[name] ?? '')),
    });
  }
}

/** The text of editor-components.js: the definitions and the function that registers them. */
export function editorComponentsScript(specs: readonly ComponentSpec[]): string {
  const definitions: ComponentDefinition[] = specs.map((spec) => ({
    id: spec.id,
    label: spec.label,
    icon: spec.icon,
    fields: spec.fields,
    pattern: componentPattern(spec),
    parts: spec.parts,
    preview: spec.preview,
    mode: spec.block ? 'block' : 'dialog',
    ...(spec.block ? {} : { summary: spec.preview.replace(/\{(\w+)\}/g, '{{$1}}') }),
  }));
  return `// Generated by the build from src/cms/editor-components.ts. Do not edit.\n(${registerEditorComponents.toString()})(${JSON.stringify(definitions, null, 1)}, window.CMS);\n`;
}
