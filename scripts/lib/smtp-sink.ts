/**
 * A real SMTP server on loopback that accepts every mail: the local mail sink for `npm run dev`, the
 * e2e server, the server tests and the benchmark. It keeps each mail and hands it to `onMail`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  from: string;
  to: string[];
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Mails whose data has begun to arrive and that are not yet accepted (held by `delayMs`). */
  receiving: number;
  /** Open SMTP connections: with none, no mail is on its way. */
  connections: number;
  start(port?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Holds each reply to DATA this long (a slow mail server). */
  delayMs?: number;
  /** Called for every accepted mail. */
  onMail?: (mail: ReceivedMail) => void;
  /** Keep the mails in `mails` (default true; a long benchmark turns it off). */
  keep?: boolean;
}

export function smtpSink({ delayMs = 0, onMail, keep = true }: SmtpSinkOptions = {}): SmtpSink {
  let server: SMTPServer | null = null;
  const sink: SmtpSink = {
    port: 0,
    url: '',
    mails: [],
    receiving: 0,
    connections: 0,
    async start(port = 0) {
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onConnect(_session, callback) {
          sink.connections += 1;
          callback();
        },
        onClose() {
          sink.connections -= 1;
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          sink.receiving += 1;
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const accept = () => {
              sink.receiving -= 1;
              const mail: ReceivedMail = {
                raw: Buffer.concat(chunks).toString('utf8'),
                from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
                to: session.envelope.rcptTo.map((r) => r.address),
              };
              if (keep) sink.mails.push(mail);
              onMail?.(mail);
              callback();
            };
            if (delayMs > 0) setTimeout(accept, delayMs);
            else accept();
          });
        },
      });
      server = s;
      await new Promise<void>((done, fail) => {
        s.once('error', fail);
        s.listen(port, '127.0.0.1', () => done());
      });
      sink.port = (s.server.address() as AddressInfo).port;
      sink.url = `smtp://127.0.0.1:${sink.port}`;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((done) => s.close(() => done()));
    },
  };
  return sink;
}
