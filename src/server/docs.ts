// API documentation: the OpenAPI 3 document of each of the 26 APIs, an index of them, and Swagger UI
// with a dropdown of all 26. @fastify/swagger-ui cannot be registered without @fastify/swagger (it
// declares it as a plugin dependency and serves its `/json` from it), so this plugin serves the Swagger
// UI assets that @fastify/swagger-ui ships itself, from disk: no CDN, works offline.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';
import { buildOpenApiDocument } from '../tmf/openapi.js';
import { apis, findApi } from '../tmf/registry.js';

// The Swagger UI files served under /docs/static/, with their content types; nothing else is read from disk.
const SwaggerUiAssets = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
} as const;

type SwaggerUiAsset = keyof typeof SwaggerUiAssets;

// The docs page opens on the order that starts the provisioning spine.
const DEFAULT_DOCS_API = 'TMF622';

const assetDir = join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static');

/** Serves `/docs` (Swagger UI), `/docs/openapi` (index) and `/docs/openapi/{apiId}.json` (one document). */
export default async function docsPlugin(app: FastifyInstance): Promise<void> {
  const base = `${app.prefix}/docs`;
  const documentUrl = (id: string) => `${base}/openapi/${id}.json`;
  const page = docsPage(base);
  const initializer = swaggerInitializer(
    apis.map((api) => ({ url: documentUrl(api.id), name: `${api.id} ${api.name}` })),
    `${DEFAULT_DOCS_API} ${findApi(DEFAULT_DOCS_API)?.name}`,
  );
  const assets = new Map<SwaggerUiAsset, Buffer>();

  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));

  app.get('/docs/static/spine-initializer.js', async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(initializer),
  );

  app.get<{ Params: { file: string } }>('/docs/static/:file', async (request, reply) => {
    const file = request.params.file;
    if (!Object.hasOwn(SwaggerUiAssets, file)) {
      return reply.code(404).send(new TmfError('NOT_FOUND', `no documentation asset ${file}`).toBody());
    }
    const asset = file as SwaggerUiAsset;
    let content = assets.get(asset);
    if (!content) {
      content = await readFile(join(assetDir, asset));
      assets.set(asset, content);
    }
    return reply.type(SwaggerUiAssets[asset]).header('cache-control', 'public, max-age=3600').send(content);
  });

  app.get('/docs/openapi', async () => apis.map((api) => ({ id: api.id, name: api.name, url: documentUrl(api.id) })));

  app.get<{ Params: { apiId: string } }>('/docs/openapi/:apiId.json', async (request, reply) => {
    const api = findApi(request.params.apiId);
    if (!api) {
      const message = `no TMF API ${request.params.apiId}; ${base}/openapi lists the 26 served`;
      return reply.code(404).send(new TmfError('NOT_FOUND', message).toBody());
    }
    return buildOpenApiDocument(api);
  });
}

function docsPage(base: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>Spine: TM Forum Open APIs</title>
  <link rel="stylesheet" type="text/css" href="${base}/static/swagger-ui.css">
  <link rel="stylesheet" type="text/css" href="${base}/static/index.css">
  <link rel="icon" type="image/png" href="${base}/static/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="${base}/static/favicon-16x16.png" sizes="16x16">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${base}/static/swagger-ui-bundle.js" charset="UTF-8"></script>
  <script src="${base}/static/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
  <script src="${base}/static/spine-initializer.js" charset="UTF-8"></script>
</body>
</html>
`;
}

function swaggerInitializer(urls: { url: string; name: string }[], primaryName: string): string {
  // validatorUrl null: Swagger UI would otherwise send every document to validator.swagger.io.
  const config = { urls, 'urls.primaryName': primaryName, dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null };
  return `window.onload = function () {
  window.ui = SwaggerUIBundle(Object.assign(${JSON.stringify(config, null, 2)}, {
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  }));
};
`;
}
