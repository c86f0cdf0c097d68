// The shapes of Spine's teaching content: glossary terms, concepts, API guides, corrections and the
// guided tour. Content is data; the explorer renders it, and validate-course.ts checks that every
// name it mentions exists in the registry, the lifecycle tables and the flows.

import { apis } from '../tmf/registry.js';

/** The explorer's views: where a piece of content can send the reader. */
export const Views = {
  overview: 'overview',
  swimlane: 'swimlane',
  lifecycles: 'lifecycles',
  idchain: 'idchain',
  events: 'events',
  qualification: 'qualification',
  failures: 'failures',
  modify: 'modify',
  payloads: 'payloads',
  glossary: 'glossary',
  concepts: 'concepts',
  apis: 'apis',
  corrections: 'corrections',
  tour: 'tour',
} as const;

export type View = keyof typeof Views;

/** Beginner content stays on the provisioning spine; architect content covers all 26 APIs and the branches. */
export const Levels = { beginner: 'beginner', architect: 'architect' } as const;

export type Level = keyof typeof Levels;

/** The explorer's learning modes (the mode bar); a tour step may ask for one. */
export const Modes = { beginner: 'beginner', architect: 'architect', payload: 'payload' } as const;

export type Mode = keyof typeof Modes;

/**
 * The APIs of beginner mode: those of the provisioning spine (TMF673, TMF645, TMF622, TMF641, TMF652
 * with TMF685 for AAR, TMF702, TMF638, TMF688), as the registry marks them.
 */
export const beginnerApis: readonly string[] = apis.filter((api) => api.spine).map((api) => api.id);

/** A place in the explorer: a view and an element in it (a `data-tour` anchor, see tour.ts). */
export interface Place {
  view: View;
  anchor: string;
}

/** The kinds of live example, each answered by the running stack (live-examples.ts resolves them). */
export const LiveExampleKinds = {
  runExchange: 'run-exchange',
  event: 'event',
  lifecycle: 'lifecycle',
  endpoint: 'endpoint',
  thread: 'thread',
} as const;

/**
 * The run a live example reads: the latest run of `scenario` started with exactly this `input`;
 * none means the scenario's defaults (a GPON order for Jane Smith, or the next demo customer whose
 * premises is free), and e.g. `{ addressId: 'addr-tor-15-birch-st' }` the full-port journey. The
 * explorer starts such a run when none exists.
 */
export interface RunQuery {
  scenario: string;
  input?: Readonly<Record<string, string>>;
}

/**
 * A pointer at real stack data, never a copy of it:
 * - `run-exchange`: the calls a step of a run made (optionally to one API);
 * - `event`: the events of that type in a run;
 * - `lifecycle`: the served state machine(s) of an entity (optionally one attribute);
 * - `endpoint`: what a GET on a Spine or TMF path returns;
 * - `thread`: the golden-thread entries with a role in a run.
 */
export type LiveExample =
  | ({ kind: 'run-exchange'; step: string; api?: string } & RunQuery)
  | ({ kind: 'event'; eventType: string } & RunQuery)
  | { kind: 'lifecycle'; entity: string; field?: string }
  | { kind: 'endpoint'; path: string }
  | ({ kind: 'thread'; role: string } & RunQuery);

/** What every piece of content may name; each name must exist in the stack. */
export interface Names {
  /** Registry API ids, e.g. `TMF641`. */
  apis: readonly string[];
  /** Registry or lifecycle entity names, e.g. `ServiceOrder`, `ServiceOrderItem`. */
  entities?: readonly string[];
  /** TMF688 event types the registry declares, e.g. `ServiceOrderStateChangeEvent`. */
  eventTypes?: readonly string[];
  /** State values of the served lifecycle tables, e.g. `inProgress`. */
  states?: readonly string[];
}

/** One glossary entry: a TMF term in plain words and where the explorer shows it. */
export interface GlossaryTerm extends Names {
  id: string;
  term: string;
  /** The long form of an acronym. */
  expansion?: string;
  level: Level;
  definition: string;
  seeIn: readonly Place[];
}

/** An architectural idea beyond the API list, with a live example from the stack. */
export interface Concept extends Names {
  id: string;
  title: string;
  level: Level;
  summary: string;
  liveExample: LiveExample;
  seeIn: readonly Place[];
}

/**
 * A guide to one API. The explorer adds its resources and events from the registry, its owner from
 * the actors table and its calls from a run, so a guide holds only what those cannot say.
 */
export interface ApiGuide {
  api: string;
  level: Level;
  purpose: string;
  /**
   * Actors (keys of `Actors`) that call it: as in Spine's journeys where they call it, otherwise as
   * the ownership matrix of TMF-DOMAIN.md §6 has it. Empty when only outside clients call it.
   */
  callers: readonly string[];
  whenNotToUse: string;
  confusions: readonly string[];
}

/** A place where common understanding differs from the TMF standard, and what Spine does. */
export interface Correction extends Names {
  id: string;
  title: string;
  level: Level;
  commonlySaid: string;
  standardSays: string;
  /** Section of TMF-DOMAIN.md (the sourced domain reference) that backs the correction. */
  source: string;
  seeIn: readonly Place[];
  liveExample?: LiveExample;
}

/** One step of the guided tour: where to look and what to say. */
export interface TourStep {
  id: string;
  chapter: string;
  title: string;
  view: View;
  /** The `data-tour` anchor the step points at; one of `tourAnchors`. */
  target: string;
  narration: string;
  level: Level;
  mode?: Mode;
  /**
   * A scenario whose run the step needs on screen (the explorer starts one if none exists). Every step
   * plays on the gpon-ftth journey, which the explorer starts first, so a change journey has its product.
   */
  needsRun?: string;
  /** What to select once the view is open, as in the explorer's URL (`sel=`); `state:<machine>/<state>` also picks that machine's diagram. */
  select?: string;
  apis?: readonly string[];
}
