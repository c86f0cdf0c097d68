import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createRelay, type Relay, type RelayPolicy } from '../events/relay.js';
import { createRunner, type Runner } from '../orchestrator/runner.js';
import { scenarios } from '../scenarios/index.js';
import { EVENT_API } from '../events/publish.js';
import { topicBehaviour } from '../events/topics.js';
import { canonicalStates, guardState } from '../lifecycle/guard.js';
import { activationBehaviours } from '../network/activation/behaviours.js';
import { networkBehaviours } from '../network/behaviours.js';
import { networkModel } from '../network/network-model.js';
import { demoNetwork, type Network } from '../network/topology.js';
import { createQualificationWorker } from '../orchestrator/qualification/async-completion.js';
import { qualificationBehaviours } from '../orchestrator/qualification/behaviours.js';
import type { Worker } from '../events/worker.js';
import type { Store } from '../store/port.js';
import { apis, findApi } from '../tmf/registry.js';
import type { TmfContext } from '../tmf/resource-service.js';
import { createIdGenerator } from '../tmf/ids.js';
import { deterministicSources, systemSources } from '../tmf/sources.js';
import { idRules } from '../tmf/id-rules.js';
import { createSchemaValidator, type SchemaValidator } from '../tmf/schemas.js';
import { mountCatalogRoutes } from './catalog-routes.js';
import { mountCourseRoutes } from './course-routes.js';
import { mountExplorerRoutes } from './explorer-routes.js';
import { mountRegistryRoutes } from './registry-routes.js';
import docsPlugin from './docs.js';
import { limitBodies } from './body-limits.js';
import { requireUtf8Bodies } from './body-charset.js';
import { parseJsonBodies } from './json-body.js';
import { refuseUndeclaredParams } from './query-params.js';
import { requireAcceptable } from './accept.js';
import { frameworkErrors, installErrorHandling, MAX_PATH_SEGMENT } from './error-handler.js';
import { mountRunRoutes } from './run-routes.js';
import { mountFailureRoutes } from './failure-routes.js';
import { cancelProductOrderBehaviour } from '../orchestrator/cancel/behaviour.js';
import { shoppingCartBehaviour } from '../orchestrator/cart/behaviour.js';
import { orderCancellationBehaviours } from '../orchestrator/cancel/order-cancellation.js';
import { createFaultBoard, withFaults, type FaultBoard } from '../orchestrator/faults/board.js';
import { mountEventTopics } from './event-routes.js';
import { mountHubRoutes } from './hub-routes.js';
import { mountLifecycleRoutes } from './lifecycle-routes.js';
import { mountTmfApi } from './tmf-routes.js';

export interface AppOptions {
  store: Store;
  /** Scheme and authority of hrefs, e.g. `http://localhost:8638`. */
  baseUrl: string;
  now?: () => Date;
  /** Virtual clock and counter ids from this instant (ISO): the same journey yields the same records. */
  deterministic?: string;
  logger?: FastifyServerOptions['logger'];
  relay?: Partial<RelayPolicy>;
  /** Largest accepted request body in bytes (413 beyond). */
  bodyLimit?: number;
  /** Compiled schemas are cached per validator; tests share one across apps. */
  validator?: SchemaValidator;
  /** The simulated network served (the demo network by default); a dataset loaded into the app must be on it. */
  network?: Network;
  /**
   * The app closes the store when it closes, once its workers have stopped (a hook added after
   * buildApp would run before them: Fastify runs onClose hooks last added first).
   */
  closeStore?: boolean;
}

/** What the running app shares with its owner (server, CLI, tests). */
export interface Spine {
  ctx: TmfContext;
  relay: Relay;
  runner: Runner;
  /** Answers the TMF679/TMF645 qualifications asked without instantSyncQualification. */
  qualifications: Worker;
  faults: FaultBoard;
}

declare module 'fastify' {
  interface FastifyInstance {
    spine: Spine;
  }
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Builds the whole HTTP app (all 26 APIs, docs, event relay) without listening. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
    // TMF ids may contain characters such as ':'; keep the router strict about nothing else.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_SEGMENT },
    frameworkErrors,
  });
  const sources = options.deterministic ? deterministicSources(options.deterministic) : { ...systemSources(), ...(options.now && { now: options.now }) };
  // Delivery retries are scheduled on the real clock even in deterministic mode: they are not part of a run's record.
  const relay = createRelay({ store: options.store, now: options.now, policy: options.relay, logger: app.log });
  const faults = createFaultBoard();
  const ctx: TmfContext = {
    store: options.store,
    validator: options.validator ?? createSchemaValidator(),
    ids: createIdGenerator(idRules, sources),
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    now: sources.now,
    uuid: sources.uuid,
    guardState,
    canonicalStates,
    behaviours: withFaults({ ...networkBehaviours, ...qualificationBehaviours, ...activationBehaviours, 'TMF622/cancelProductOrder': cancelProductOrderBehaviour, ...orderCancellationBehaviours, 'TMF663/shoppingCart': shoppingCartBehaviour, 'TMF688/topic': topicBehaviour }, faults),
    network: networkModel(options.network ?? demoNetwork),
  };
  const runner = createRunner({ tmf: ctx, flows: scenarios, faults, logger: app.log });
  const qualifications = createQualificationWorker({ tmf: ctx, logger: app.log });
  app.decorate('spine', { ctx, relay, runner, qualifications, faults });

  parseJsonBodies(app);
  installErrorHandling(app);
  limitBodies(app);
  requireUtf8Bodies(app);
  refuseUndeclaredParams(app);
  requireAcceptable(app);
  // One structured line per request instead of fastify's two (incoming + completed).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });
  for (const api of apis) mountTmfApi(app, ctx, api);
  mountEventTopics(app, ctx, findApi(EVENT_API)!);
  mountCatalogRoutes(app);
  mountLifecycleRoutes(app);
  mountCourseRoutes(app);
  mountRunRoutes(app, ctx.store, runner, ctx.baseUrl);
  mountHubRoutes(app, ctx.store, relay);
  mountFailureRoutes(app, ctx, runner, faults);
  mountRegistryRoutes(app);
  await app.register(docsPlugin);
  mountExplorerRoutes(app);

  app.addHook('onReady', async () => {
    relay.start();
    runner.begin();
    qualifications.start();
  });
  app.addHook('onClose', async () => {
    await qualifications.stop();
    await runner.stop();
    await relay.stop();
    if (options.closeStore) await options.store.close();
  });
  return app;
}
