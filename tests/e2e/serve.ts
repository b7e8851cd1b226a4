// Interim launcher: serves dist/ statically until the form backend's launcher replaces this file.
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';

const app = Fastify();
await app.register(fastifyStatic, { root: join(process.cwd(), 'dist') });
app.get('/healthz', async () => ({ ok: true }));
app.setNotFoundHandler((_req, reply) => reply.code(404).sendFile('404.html'));
await app.listen({ host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 4391) });
