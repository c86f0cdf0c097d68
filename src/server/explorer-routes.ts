import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../package-root.js';

const ContentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// Paths that belong to the APIs, never to the single-page app.
const API_PREFIXES = ['/tmf-api', '/spine', '/docs'];

/** The built explorer (web/dist) at `/`, with history fallback to index.html for its own routes. */
export function mountExplorerRoutes(app: FastifyInstance, root = join(packageRoot(), 'web', 'dist')): void {
  const rootDir = resolve(root);
  const sendFile = async (path: string, reply: import('fastify').FastifyReply) => {
    const body = await readFile(path);
    const type = ContentTypes[extname(path)] ?? 'application/octet-stream';
    const cache = path.includes(`${join(rootDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return reply.type(type).header('cache-control', cache).send(body);
  };
  const index = join(rootDir, 'index.html');
  const missing = (reply: import('fastify').FastifyReply) =>
    reply.code(503).type('text/plain; charset=utf-8').send('The explorer is not built: run `npm run build:web`.');

  app.get('/', async (_request, reply) => ((await isFile(index)) ? sendFile(index, reply) : missing(reply)));
  app.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (API_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`))) {
      return reply.callNotFound();
    }
    const file = normalize(join(rootDir, decodeURIComponent(url)));
    if (file.startsWith(rootDir) && (await isFile(file))) return sendFile(file, reply);
    if (extname(url)) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return (await isFile(index)) ? sendFile(index, reply) : missing(reply);
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
