import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';

/** The charset a body's Content-Type names, lower-cased; undefined when it names none. */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]!.toLowerCase();
}

/**
 * JSON bodies are read as UTF-8 (RFC 8259 §8.1): one that says it is in another charset is refused
 * with 415 before it is parsed, rather than read as the UTF-8 it is not.
 */
export function requireUtf8Bodies(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const type = hasBody ? request.headers['content-type'] : undefined;
    const charset = type === undefined ? undefined : charsetOf(type);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new TmfError('UNSUPPORTED_MEDIA_TYPE', `a body in charset ${charset} is not accepted: send it as UTF-8`);
    }
  });
}
