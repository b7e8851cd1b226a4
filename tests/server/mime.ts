/**
 * Just enough MIME decoding to assert on the mails nodemailer sends: unfolded headers with decoded
 * encoded-words, and the decoded text/plain and text/html parts. Used by the server tests and by
 * the e2e mail sink (tests/e2e/serve.ts).
 */

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

export function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface ParsedMail {
  headers: Map<string, string[]>;
  header(name: string): string | undefined;
  text: string;
  html: string;
}

/** Enough MIME parsing for assertions: unfolded, decoded headers and the decoded text and HTML parts. */
export function parseMail(raw: string): ParsedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), decodeWords(line.slice(i + 1).trim())]);
  }
  const body = rest.join('\n\n');
  const part = (type: string): string => {
    const re = new RegExp(`Content-Type: ${type}[^]*?\\r?\\nContent-Transfer-Encoding: ([\\w-]+)\\r?\\n\\r?\\n([^]*?)\\r?\\n--`, 'i');
    const match = re.exec(body);
    if (!match) return '';
    const encoding = match[1]!.toLowerCase();
    const content = match[2]!;
    const decoded =
      encoding === 'quoted-printable'
        ? decodeQuotedPrintable(content)
        : encoding === 'base64'
          ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
          : content;
    return decoded.replace(/\r\n/g, '\n');
  };
  return { headers, header: (name) => headers.get(name.toLowerCase())?.[0], text: part('text/plain'), html: part('text/html') };
}

