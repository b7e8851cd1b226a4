/**
 * The bench's reference point: a bare Fastify route that parses the same JSON body as the form
 * endpoint and answers like it (`{ next, id }`), but validates and stores nothing. Listens on
 * 127.0.0.1:PORT; `npm run bench` compares the real server's answers per second with this one's.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 32 * 1024 });
let n = 0;
app.post('/f/:formKey', async (request, reply) => {
  const body = request.body as Record<string, unknown>;
  n += 1;
  return reply.header('cache-control', 'no-store').send({ next: `http://127.0.0.1/interesse/danke/?ref=KV-2026-${String(n).padStart(6, '0')}`, id: typeof body === 'object' ? `KV-2026-${n}` : '' });
});
app.get('/healthz', async () => ({ status: 'ok' }));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 0) });
