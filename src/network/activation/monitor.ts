// The network operation log: every command activation sends to a network element is a TMF702 Monitor
// of the TMF702 resource it serves (`sourceHref`), InProgress with the request while it runs, then
// Completed with the element's response, each step an event. `GET …/monitor?sourceHref=<href>` lists
// what was done to one activation; the request and response bodies are JSON text, as the spec's
// string `body` requires.

import type { Store } from '../../store/port.js';
import { createInTx, patchInTx, targetOf, type BehaviourEnv } from '../../tmf/resource-service.js';
import type { NetworkOperation } from './activators.js';

/** Monitor `state` values Spine writes (the spec's free text names InProgress, InError and Completed). */
export const MonitorStates = { inProgress: 'InProgress', completed: 'Completed' } as const;

const MONITOR_TARGET = targetOf('TMF702', 'monitor');

/** Sends `operation` through `apply` (the writes that make it so), logged as a monitor of `sourceHref`. */
export async function runOperation(tx: Store, env: BehaviourEnv, sourceHref: string, operation: NetworkOperation, apply: () => Promise<void>): Promise<void> {
  const monitor = await createInTx(tx, env.ctx, MONITOR_TARGET, {
    '@type': 'Monitor',
    sourceHref,
    state: MonitorStates.inProgress,
    request: {
      '@type': 'Request',
      method: operation.protocol,
      to: operation.element,
      header: [
        { name: 'operation', value: operation.operation },
        ...(env.meta.correlationId ? [{ name: 'x-correlation-id', value: env.meta.correlationId }] : []),
      ],
      body: JSON.stringify({ operation: operation.operation, parameters: operation.parameters }),
    },
  }, env.meta);
  await apply();
  await patchInTx(tx, env.ctx, MONITOR_TARGET, String(monitor.id), {
    state: MonitorStates.completed,
    response: { '@type': 'Response', statusCode: '200', header: [{ name: 'date', value: env.at }], body: JSON.stringify(operation.result) },
  }, env.meta);
}
