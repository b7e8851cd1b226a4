/** The placeholders of the UI strings: `{name}` in a template, filled with text or with markup. */

/** Replaces {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Splits a template into text and {name} placeholders, so a component can put markup in their place. */
export function templateParts(template: string): (string | { key: string })[] {
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key ? { key } : part;
  });
}
