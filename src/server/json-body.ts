import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';

// Methods whose body means nothing here; many clients send Content-Type: application/json on every
// request, so an empty one is no body. (GET and HEAD bodies are never parsed.)
const BODY_OPTIONAL = new Set(['DELETE', 'OPTIONS']);

/**
 * Reads application/json and application/merge-patch+json bodies alike: as UTF-8 (RFC 8259 §8.1),
 * refusing bytes that are not UTF-8 rather than storing U+FFFD in their place, then with Fastify's
 * parser, which refuses `__proto__` and `constructor.prototype` keys. An empty body is refused as
 * malformed JSON, except on a DELETE or OPTIONS. No other media type is read: Fastify's text/plain
 * parser is removed, so a body of any other type gets 415 on every route, not a 400 about its shape.
 */
export function parseJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (body.length === 0 && BODY_OPTIONAL.has(request.method)) return done(null, undefined);
    if (!isUtf8(body)) return done(new TmfError('MALFORMED_JSON', 'the body is not valid UTF-8, which JSON must be (RFC 8259 §8.1)'), undefined);
    parseJson(request, body.toString('utf8'), done);
  });
}
