import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../store/open-store.js';
import { loadDemoDataset, SeedChoices, type SeedChoice } from '../scenarios/demo-dataset.js';
import { buildApp } from './app.js';

export interface ServeOptions {
  port: number;
  host: string;
  dbPath: string;
  /** Public scheme+authority for hrefs; defaults to http://localhost:<port>. */
  publicUrl?: string;
  logLevel: string;
  seed: SeedChoice;
  /** Start of the virtual clock, for a deterministic server. */
  deterministic?: string;
}

/** Opens the store, builds the app with fastify's pino logger and listens; shuts down cleanly on signals. */
export async function serve(options: ServeOptions): Promise<FastifyInstance> {
  const store = await openStore(options.dbPath);
  const app = await buildApp({
    store,
    baseUrl: options.publicUrl ?? `http://localhost:${options.port}`,
    logger: { level: options.logLevel },
    deterministic: options.deterministic,
    closeStore: true,
  });
  if (options.seed === SeedChoices.demo) {
    const loaded = await loadDemoDataset(app.spine.ctx);
    app.log.info({ dataset: 'demo', loaded }, loaded ? 'demo dataset loaded' : 'demo dataset already present');
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: options.port, host: options.host });
  const { port } = app.server.address() as AddressInfo;
  app.log.info({ port, db: options.dbPath, docs: `http://localhost:${port}/docs` }, 'Spine is up');
  return app;
}
