import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import { createSchemaValidator } from '../../src/tmf/schemas.js';

export const BASE_URL = 'http://spine.test';
const sharedValidator = createSchemaValidator();

/** A fresh app on a fresh in-memory database, closed after the test. */
export async function build(options: Partial<AppOptions> & { dbPath?: string } = {}): Promise<FastifyInstance> {
  const store = options.store ?? (await openStore(options.dbPath ?? ':memory:'));
  const app = await buildApp({ baseUrl: BASE_URL, validator: sharedValidator, closeStore: true, ...options, store });
  await app.ready();
  opened.push(app);
  return app;
}

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

/** JSON body helper for app.inject. */
export function json(payload: unknown) {
  return { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
}
