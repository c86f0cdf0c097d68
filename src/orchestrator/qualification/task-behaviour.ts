// A qualification as a TMF task behaviour. An instant request is created inProgress and, in the same
// transaction (afterCreate), moved to done with its results through patchInTx, so the journey's event
// stream holds the CreateEvent and the StateChangeEvent (done) and the merged document is validated
// against the official schema. Any other request is stored as the API's initial state
// (acknowledged/accepted) with no result; async-completion.ts answers it later with the same `answer`.

import type { Doc, Store } from '../../store/port.js';
import { patchInTx, type BehaviourEnv, type ResourceBehaviour, type Target } from '../../tmf/resource-service.js';
import { TaskStates } from './reasons.js';

/** What makes one kind of qualification task: where it lives, when it is instant, and how it is answered. */
export interface QualificationTask {
  target: Target;
  /** True when the request asks for the answer in the POST's response. */
  isInstant(doc: Doc): boolean;
  /** The HTTP status of an instant answer: 200 where the spec declares it, else the spec's 201. */
  instantStatus: number;
  /** The result attributes; reads only. A TmfError (400 for a dangling reference) rolls the POST back. */
  answer(tx: Store, doc: Doc, env: BehaviourEnv): Promise<Doc>;
}

/** The ResourceBehaviour that answers `task` at once when asked to, and only stores it otherwise. */
export function qualificationBehaviour(task: QualificationTask): ResourceBehaviour {
  return {
    async onCreate(_tx, doc) {
      return task.isInstant(doc) ? { ...doc, state: TaskStates.inProgress } : doc;
    },
    async afterCreate(tx, doc, env) {
      if (!task.isInstant(doc)) return doc;
      const result = await task.answer(tx, doc, env);
      return patchInTx(tx, env.ctx, task.target, String(doc.id), { ...result, state: TaskStates.done }, env.meta);
    },
    createdStatus(doc) {
      return task.isInstant(doc) ? task.instantStatus : 201;
    },
  };
}

/** The TMF645/TMF679 flag that asks for a synchronous answer. */
export function asksInstantSync(doc: Doc): boolean {
  return doc.instantSyncQualification === true;
}
