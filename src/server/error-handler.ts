import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TmfError, errorBody, type ErrorKind } from '../tmf/errors.js';
import { answerOtherMethods } from './other-methods.js';

// Fastify's own client errors (body parsing, content type, size) mapped to the catalog.
const fastifyCodes: Record<string, ErrorKind> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** One error path for the whole server: every failure leaves as a TMF630 error body. Call before any route is added. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | TmfError, request, reply) => {
    if (error instanceof TmfError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.code(error.status).type('application/json').send(error.toBody());
    }
    const kind = fastifyCodes[error.code ?? ''] ?? clientErrorKind(error);
    if (kind) return reply.code(statusOf(kind)).type('application/json').send(errorBody(kind, error.message));
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).type('application/json').send(errorBody('INTERNAL', 'the server failed to process the request'));
  });

  const otherMethod = answerOtherMethods(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // The router refuses a segment too long (frameworkErrors) only when no other route matches the
    // path, but the explorer's catch-all matches every GET and HEAD and hands an API's path back here.
    if (path.split('/').some(isTooLong)) return sendUriTooLong(reply);
    if (otherMethod(request, reply)) return;
    reply.code(404).type('application/json').send(errorBody('NO_SUCH_PATH', `no resource at ${request.method} ${path}`));
  });
}

/**
 * The longest path segment the router matches: ids are at most 128 characters (resource-service), so
 * a longer segment names nothing, and is refused before routing.
 */
export const MAX_PATH_SEGMENT = 256;

/** What the router refuses before any route or hook runs (Fastify's `frameworkErrors`), as TMF error bodies. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendUriTooLong(reply);
    return;
  }
  reply.code(statusOf('MALFORMED_PATH')).type('application/json').send(errorBody('MALFORMED_PATH', `the path ${path} is not valid percent-encoded UTF-8`));
}

function sendUriTooLong(reply: FastifyReply): void {
  reply.code(statusOf('URI_TOO_LONG')).type('application/json').send(errorBody('URI_TOO_LONG', `a segment of the path is longer than ${MAX_PATH_SEGMENT} characters; ids are at most 128`));
}

// Measured decoded, as the router measures a parameter.
function isTooLong(segment: string): boolean {
  if (segment.length <= MAX_PATH_SEGMENT) return false;
  try {
    return decodeURIComponent(segment).length > MAX_PATH_SEGMENT;
  } catch {
    return true;
  }
}

function clientErrorKind(error: FastifyError): ErrorKind | undefined {
  const status = error.statusCode ?? 500;
  if (status === 400) return error instanceof SyntaxError ? 'MALFORMED_JSON' : 'INVALID_BODY';
  if (status === 413) return 'BODY_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return undefined;
}

function statusOf(kind: ErrorKind): number {
  return new TmfError(kind, '').status;
}
