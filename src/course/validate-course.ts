// Checks that the course names only what exists: API ids, entities and events from the registry,
// states from the lifecycle tables, scenarios and steps from the flows, actors from the actors
// table, views and anchors from the explorer's vocabularies. One sentence per problem.

import { lifecycles } from '../lifecycle/index.js';
import { Actors, apiOwner } from '../orchestrator/actors.js';
import { scenarios } from '../scenarios/index.js';
import { apis } from '../tmf/registry.js';
import { beginnerApis, Views, type ApiGuide, type Concept, type Correction, type GlossaryTerm, type LiveExample, type Names, type Place, type TourStep, type View } from './model.js';
import { anchorIsIn, tourAnchors, tourChapters } from './tour.js';

/** The content to check, as course/index.ts assembles it. */
export interface CourseContent {
  glossary: readonly GlossaryTerm[];
  concepts: readonly Concept[];
  apiGuides: readonly ApiGuide[];
  corrections: readonly Correction[];
  tour: readonly TourStep[];
}

/** The names the stack defines, derived from the registry, the lifecycle tables and the flows. */
export function knownNames() {
  const resources = apis.flatMap((api) => api.resources);
  return {
    apis: new Set(apis.map((api) => api.id)),
    entities: new Set([...resources.map((r) => r.entity), ...lifecycles.map((m) => m.entity)]),
    eventTypes: new Set(
      resources.flatMap((r) => [r.events.create, r.events.attributeValueChange, r.events.stateChange, r.events.delete, ...r.events.other].filter((e): e is string => !!e)),
    ),
    states: new Set(lifecycles.flatMap((m) => Object.keys(m.states))),
    steps: new Map(scenarios.map((flow) => [flow.scenario, new Set(flow.steps.map((s) => s.id))])),
    actors: new Set(Object.keys(Actors)),
  };
}

/** Every problem with the content; empty when it is sound. */
export function validateCourse(content: CourseContent): string[] {
  const known = knownNames();
  const problems: string[] = [];
  const beginner = new Set(beginnerApis);
  const anchors = new Set<string>(tourAnchors);

  const checkNames = (where: string, names: Names, level: string) => {
    for (const api of names.apis) {
      if (!known.apis.has(api)) problems.push(`${where}: unknown API ${api}`);
      else if (level === 'beginner' && !beginner.has(api)) problems.push(`${where}: beginner content names ${api}, which is not a spine API`);
    }
    for (const entity of names.entities ?? []) if (!known.entities.has(entity)) problems.push(`${where}: unknown entity ${entity}`);
    for (const type of names.eventTypes ?? []) if (!known.eventTypes.has(type)) problems.push(`${where}: unknown event type ${type}`);
    for (const state of names.states ?? []) if (!known.states.has(state)) problems.push(`${where}: no lifecycle has a state ${state}`);
  };
  const checkPlaces = (where: string, places: readonly Place[]) => {
    if (places.length === 0) problems.push(`${where}: shown nowhere (seeIn is empty)`);
    for (const place of places) checkPlace(where, place.view, place.anchor);
  };
  const checkPlace = (where: string, view: string, anchor: string) => {
    if (!Object.hasOwn(Views, view)) problems.push(`${where}: unknown view ${view}`);
    else if (!anchors.has(anchor)) problems.push(`${where}: anchor ${anchor} is not in tourAnchors`);
    else if (!anchorIsIn(view as View, anchor)) problems.push(`${where}: anchor ${anchor} is not in view ${view}`);
  };
  const checkScenario = (where: string, scenario: string) => {
    if (!known.steps.has(scenario)) problems.push(`${where}: unknown scenario ${scenario}`);
  };
  const checkExample = (where: string, example: LiveExample) => {
    switch (example.kind) {
      case 'run-exchange':
        checkScenario(where, example.scenario);
        if (known.steps.has(example.scenario) && !known.steps.get(example.scenario)!.has(example.step)) problems.push(`${where}: scenario ${example.scenario} has no step ${example.step}`);
        if (example.api && !known.apis.has(example.api)) problems.push(`${where}: unknown API ${example.api}`);
        break;
      case 'event':
        checkScenario(where, example.scenario);
        if (!known.eventTypes.has(example.eventType)) problems.push(`${where}: unknown event type ${example.eventType}`);
        break;
      case 'thread':
        checkScenario(where, example.scenario);
        break;
      case 'lifecycle':
        if (!lifecycles.some((m) => m.entity === example.entity && (example.field === undefined || m.field === example.field))) {
          problems.push(`${where}: no lifecycle for ${example.entity}${example.field ? `.${example.field}` : ''}`);
        }
        break;
      case 'endpoint':
        if (!example.path.startsWith('/')) problems.push(`${where}: endpoint path ${example.path} is not absolute`);
        break;
    }
  };
  const checkIds = (kind: string, ids: string[]) => {
    for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${kind}: id ${id} used twice`);
  };

  for (const term of content.glossary) {
    checkNames(`glossary ${term.id}`, term, term.level);
    checkPlaces(`glossary ${term.id}`, term.seeIn);
  }
  checkIds('glossary', content.glossary.map((t) => t.id));

  for (const concept of content.concepts) {
    checkNames(`concept ${concept.id}`, concept, concept.level);
    checkPlaces(`concept ${concept.id}`, concept.seeIn);
    checkExample(`concept ${concept.id}`, concept.liveExample);
  }
  checkIds('concepts', content.concepts.map((c) => c.id));

  const guided = content.apiGuides.map((g) => g.api);
  checkIds('API guides', guided);
  for (const api of known.apis) if (!guided.includes(api)) problems.push(`API guides: no guide for ${api}`);
  for (const guide of content.apiGuides) {
    const where = `API guide ${guide.api}`;
    if (!known.apis.has(guide.api)) problems.push(`${where}: not an API of the registry`);
    const expected = beginner.has(guide.api) ? 'beginner' : 'architect';
    if (guide.level !== expected) problems.push(`${where}: level ${guide.level}, but ${guide.api} is ${expected} content`);
    for (const actor of guide.callers) if (!known.actors.has(actor)) problems.push(`${where}: unknown actor ${actor}`);
    if (!apiOwner[guide.api]) problems.push(`${where}: no actor owns ${guide.api} in the actors table`);
  }

  for (const correction of content.corrections) {
    checkNames(`correction ${correction.id}`, correction, correction.level);
    checkPlaces(`correction ${correction.id}`, correction.seeIn);
    if (correction.liveExample) checkExample(`correction ${correction.id}`, correction.liveExample);
    if (!/^TMF-DOMAIN\.md §\d/.test(correction.source)) problems.push(`correction ${correction.id}: source ${correction.source} names no TMF-DOMAIN.md section`);
  }
  checkIds('corrections', content.corrections.map((c) => c.id));

  for (const step of content.tour) {
    const where = `tour step ${step.id}`;
    if (!Object.hasOwn(tourChapters, step.chapter)) problems.push(`${where}: unknown chapter ${step.chapter}`);
    checkPlace(where, step.view, step.target);
    checkNames(where, { apis: step.apis ?? [] }, step.level);
    if (step.needsRun) checkScenario(where, step.needsRun);
    if (step.select?.startsWith('state:')) {
      const [machine, state] = step.select.slice('state:'.length).split('/');
      if (!lifecycles.some((m) => m.id === machine && Object.hasOwn(m.states, state ?? ''))) problems.push(`${where}: selects ${step.select}, which no lifecycle has`);
    }
  }
  checkIds('tour', content.tour.map((s) => s.id));
  const chapters = new Set(content.tour.map((s) => s.chapter));
  for (const chapter of Object.keys(tourChapters)) if (!chapters.has(chapter)) problems.push(`tour: chapter ${chapter} has no step`);
  // Chapters play in declaration order, so the steps of one chapter must be contiguous.
  const order = content.tour.map((s) => s.chapter).filter((c, i, all) => c !== all[i - 1]);
  if (order.length !== new Set(order).size) problems.push('tour: a chapter\'s steps are not contiguous');

  return problems;
}
