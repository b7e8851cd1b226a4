/**
 * One HTTP or HTTPS request with node:http(s), for tests that must send exactly what they say:
 * no client-side rewriting of headers or bodies (fetch adds, merges or refuses some), an optional
 * chunked body, and the test servers' self-signed certificates accepted.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Send the body in pieces with Transfer-Encoding: chunked, without Content-Length. */
  readonly chunked?: boolean;
  /** Connect from this local address, e. g. 127.0.0.2: another client on the loopback network. */
  readonly localAddress?: string;
}

export interface RawReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body as UTF-8. */
  readonly text: string;
}

export function sendRaw(url: string | URL, { method = 'GET', headers = {}, body, chunked = false, localAddress }: RawRequest = {}): Promise<RawReply> {
  const target = new URL(url);
  const bytes = body === undefined ? undefined : Buffer.from(body);
  const sent: Record<string, string> = { ...headers };
  if (bytes !== undefined && !chunked) sent['content-length'] = String(bytes.length);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let answered = false;
    const r = request(target, { method, headers: sent, agent: false, rejectUnauthorized: false, ...(localAddress === undefined ? {} : { localAddress }) }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
      });
      res.on('error', reject);
    });
    // A server that answers 413 before reading a large body may close the socket while we write.
    r.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (bytes === undefined) r.end();
    else if (chunked) {
      for (let i = 0; i < bytes.length; i += 8192) r.write(bytes.subarray(i, i + 8192));
      r.end();
    } else r.end(bytes);
  });
}
