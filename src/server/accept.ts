import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';

/** What a route declares it answers with in its options (`config: { produces }`); the APIs answer JSON by default. */
export interface ProducesConfig {
  produces?: string;
}

const API_PREFIXES = ['/tmf-api/', '/spine/v1/'];

/**
 * Whether an Accept header takes `type`: a media range that matches it (exactly, `type/*` or `*\/*`)
 * with a quality above 0. No header takes anything (RFC 9110 §12.5.1).
 */
export function accepts(header: string | undefined, type: string): boolean {
  if (header === undefined || header.trim() === '') return true;
  const [major] = type.split('/');
  return header.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const quality = params.find((p) => p.startsWith('q='));
    if (quality !== undefined && !(Number(quality.slice(2)) > 0)) return false;
    return range === '*/*' || range === `${major}/*` || range === type;
  });
}

/**
 * The APIs answer in one media type each (JSON, the activity stream its event stream): a request
 * whose Accept header takes neither is refused with 406 before the route runs, rather than sent
 * what it said it cannot read.
 */
export function requireAcceptable(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route || !API_PREFIXES.some((prefix) => route.startsWith(prefix))) return;
    const produces = (request.routeOptions.config as ProducesConfig).produces ?? 'application/json';
    const accept = request.headers.accept;
    if (!accepts(accept, produces)) throw new TmfError('NOT_ACCEPTABLE', `this resource is served as ${produces}, which Accept: ${accept} does not take`);
  });
}
