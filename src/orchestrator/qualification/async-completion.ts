// Answers the qualifications a client asked to have answered later (instantSyncQualification not
// true): a worker polls the store for such tasks still waiting (the API's initial state) and, one
// transaction each, moves them inProgress and then done with the result the synchronous path computes,
// through patchInTx so each move is a StateChangeEvent carrying the request's correlationId. The
// waiting task is the job: nothing else is queued, so a task accepted before a crash is answered after
// the restart. A request that cannot be answered (a dangling reference) ends terminatedWithError.

import { createWorker, type Worker } from '../../events/worker.js';
import type { Doc, Store } from '../../store/port.js';
import { patchInTx, type BehaviourEnv, type RequestMeta, type TmfContext } from '../../tmf/resource-service.js';
import { asynchronousQualifications } from './behaviours.js';
import { TaskStates } from './reasons.js';
import type { QualificationTask } from './task-behaviour.js';

const POLL_MS = 100;

/** The worker that answers waiting qualifications; start it with the app, stop it on close. */
export function createQualificationWorker(deps: { tmf: TmfContext; logger?: { error(obj: object, msg: string): void } }): Worker {
  const { tmf } = deps;

  async function pass(): Promise<number> {
    let answered = 0;
    for (const task of asynchronousQualifications) {
      for (const waiting of await waitingTasks(tmf.store, task)) {
        if (await answer(task, String(waiting.id))) answered++;
      }
    }
    return answered;
  }

  async function answer(task: QualificationTask, id: string): Promise<boolean> {
    const { api, resource } = task.target;
    const meta = await requestMeta(tmf.store, id);
    try {
      return await tmf.store.transaction(async (tx) => {
        const current = (await tx.getResource(api.id, resource.name, id))?.doc;
        if (!current || !isWaiting(task, current)) return false;
        const started = current.state === TaskStates.inProgress ? current : await patchInTx(tx, tmf, task.target, id, { state: TaskStates.inProgress }, meta);
        const env: BehaviourEnv = { ctx: tmf, meta, at: tmf.now().toISOString() };
        const result = await task.answer(tx, started, env);
        await patchInTx(tx, tmf, task.target, id, { ...result, state: TaskStates.done }, meta);
        return true;
      });
    } catch (error) {
      deps.logger?.error({ err: error, task: `${api.id}/${resource.name}/${id}` }, 'qualification could not be answered');
      // Whatever went wrong will go wrong again: the task ends, said so by its own state and event.
      return tmf.store.transaction(async (tx) => {
        const current = (await tx.getResource(api.id, resource.name, id))?.doc;
        if (!current || !isWaiting(task, current)) return false;
        await patchInTx(tx, tmf, task.target, id, { state: TaskStates.terminatedWithError }, meta);
        return true;
      });
    }
  }

  return createWorker({ pass, nextWakeMs: async () => POLL_MS, onError: (error) => deps.logger?.error({ err: error }, 'qualification worker pass failed') });
}

async function waitingTasks(store: Store, task: QualificationTask): Promise<Doc[]> {
  const { api, resource } = task.target;
  const states = [...new Set([resource.initialState ?? TaskStates.inProgress, TaskStates.inProgress])];
  return (await store.listResources({ api: api.id, resource: resource.name, states })).map((r) => r.doc).filter((doc) => isWaiting(task, doc));
}

// An instant task is answered in its own POST and never waits; any other not yet finished does.
function isWaiting(task: QualificationTask, doc: Doc): boolean {
  const { initialState } = task.target.resource;
  return !task.isInstant(doc) && (doc.state === initialState || doc.state === TaskStates.inProgress);
}

// The answer belongs to the journey (or client conversation) that asked, whose correlationId every
// event of a waiting task carries. Events are not indexed by resource: the log is read from its end,
// where a waiting task's events are, so the lookup does not grow with the history before it.
async function requestMeta(store: Store, id: string): Promise<RequestMeta> {
  const [latest] = await store.listEvents({ resourceId: id, newestFirst: true, limit: 1 });
  return { correlationId: latest?.correlationId ?? null };
}
