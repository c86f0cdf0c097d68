import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TmfError } from '../tmf/errors.js';

interface RoutedPath {
  url: string;
  pattern: RegExp;
  methods: string[];
}

/**
 * A path the server routes, asked with a method it does not route there: OPTIONS is answered 204
 * with the Allow header, any other method 405 with the same header, for every route of the app (TMF
 * resources, hubs, /spine/v1, docs). Learned from the routes as they are added, HEAD with each GET
 * (Fastify adds it); Allow lists OPTIONS too, as every method the path supports (RFC 9110 §10.2.1).
 * The explorer's catch-all is left out: a path it serves is not an API's, so it stays a 404.
 */
export function answerOtherMethods(app: FastifyInstance): (request: FastifyRequest, reply: FastifyReply) => boolean {
  const paths = new Map<string, RoutedPath>();
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const known = paths.get(route.url) ?? { url: route.url, pattern: patternOf(route.url), methods: [] };
    known.methods.push(...methods.filter((m) => !known.methods.includes(m)));
    paths.set(route.url, known);
  });

  return (request, reply) => {
    const path = request.url.split('?')[0]!.replace(/(.)\/+$/, '$1');
    const matched = [...paths.values()].filter((p) => p.pattern.test(path));
    if (!matched.length) return false;
    const allow = [...new Set([...matched.flatMap((p) => p.methods), 'OPTIONS'])].join(', ');
    if (request.method === 'OPTIONS') {
      reply.code(204).header('allow', allow).send();
      return true;
    }
    const error = new TmfError('METHOD_NOT_ALLOWED', `${request.method} is not supported on ${matched[0]!.url}; allowed: ${allow}`);
    reply.code(error.status).header('allow', allow).type('application/json').send(error.toBody());
    return true;
  };
}

// `/tmf-api/x/v4/productOrder/:id` → a RegExp matching one path segment for each parameter.
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
