import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  apiGuides,
  beginnerApis,
  concepts,
  corrections,
  glossary,
  resolveLiveExample,
  tour,
  tourAnchors,
  tourChapters,
  type LiveExample,
} from '../src/course/index.js';
import { knownNames, validateCourse } from '../src/course/validate-course.js';
import { Actors } from '../src/orchestrator/actors.js';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { apis } from '../src/tmf/registry.js';
import { build } from './support/build.js';

// The course content through the eyes of the explorer: enough of it, every name real, every live
// example answered by a stack that has run the GPON journey, and the route speaking TMF errors.

type Doc = Record<string, any>;
const content = { glossary, concepts, apiGuides, corrections, tour };

/** A fresh demo stack after one GPON FTTH journey, started over HTTP. */
async function ranStack(): Promise<{ app: FastifyInstance; report: Doc }> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  const run = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs?wait=true', payload: {} });
  expect(run.statusCode, run.body).toBe(201);
  const report = run.json();
  expect(report.run.status).toBe('completed');
  return { app, report };
}

async function get(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as unknown };
}

describe('the course content', () => {
  it('has at least 30 terms, 20 concepts, 6 corrections and one guide per registry API', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(30);
    expect(concepts.length).toBeGreaterThanOrEqual(20);
    expect(corrections.length).toBeGreaterThanOrEqual(6);
    expect(apiGuides.map((g) => g.api).sort()).toEqual(apis.map((a) => a.id).sort());
  });

  it('tours at least 42 steps in exactly 10 chapters, including the ones the brief names', () => {
    expect(tour.length).toBeGreaterThanOrEqual(42);
    expect(new Set(tour.map((s) => s.chapter)).size).toBe(10);
    expect(Object.keys(tourChapters)).toHaveLength(10);
    expect(Object.values(tourChapters)).toEqual(expect.arrayContaining(['Provisioning flow', 'Failure flows', 'All artifacts', 'TMF688 events']));
    for (const step of tour) expect(step.narration.split(/(?<=[.!?])\s+/).length, step.id).toBeLessThanOrEqual(3);
  });

  it('names only APIs, entities, events, states, scenarios, steps and anchors that exist', () => {
    expect(validateCourse(content)).toEqual([]);
  });

  it('catches an invented name in any kind of content', () => {
    const bad = validateCourse({
      ...content,
      glossary: [{ ...glossary[0]!, apis: ['TMF724'], entities: ['Incident'] }],
      concepts: [{ ...concepts[0]!, liveExample: { kind: 'run-exchange', scenario: 'gpon-ftth', step: 'book-technician' }, seeIn: [{ view: 'swimlane', anchor: 'payload-table' }] }],
      corrections: [{ ...corrections[0]!, states: ['inUse'], eventTypes: ['ServiceOrderCompletedEvent'] }],
      tour: [{ ...tour[0]!, target: 'nowhere', needsRun: 'fttx' }, ...tour.slice(1)],
      apiGuides: apiGuides.slice(1),
    });
    expect(bad).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown API TMF724'),
        expect.stringContaining('unknown entity Incident'),
        expect.stringContaining('has no step book-technician'),
        expect.stringContaining('no lifecycle has a state inUse'),
        expect.stringContaining('unknown event type ServiceOrderCompletedEvent'),
        expect.stringContaining('anchor nowhere'),
        expect.stringContaining('anchor payload-table is not in view swimlane'),
        expect.stringContaining('unknown scenario fttx'),
        expect.stringContaining(`no guide for ${apiGuides[0]!.api}`),
      ]),
    );
  });

  it('keeps beginner content within the eight spine steps', () => {
    expect(beginnerApis).toEqual(expect.arrayContaining(['TMF673', 'TMF645', 'TMF622', 'TMF641', 'TMF652', 'TMF685', 'TMF702', 'TMF638', 'TMF688']));
    expect(beginnerApis).toHaveLength(9); // TMF685 is the "+ AAR" of the TMF652 step
    expect(validateCourse({ ...content, glossary: [{ ...glossary[0]!, level: 'beginner', apis: ['TMF620'] }] })).toEqual([
      expect.stringContaining('TMF620, which is not a spine API'),
    ]);
  });

  it('gives every swimlane actor a tour anchor for its row', () => {
    const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const actor of Object.keys(Actors)) expect(tourAnchors).toContain(`swimlane-${kebab(actor)}-row`);
    expect(knownNames().actors.size).toBe(Object.keys(Actors).length);
  });
});

describe('GET /spine/v1/course', () => {
  it('serves every kind, and each kind alone, as the explorer reads them', async () => {
    const app = await build();
    const all = await get(app, '/spine/v1/course');
    expect(all.status).toBe(200);
    const body = all.body as Doc;
    expect(body.glossary).toHaveLength(glossary.length);
    expect(body.tour.steps).toHaveLength(tour.length);
    expect(body.tour.anchors).toEqual([...tourAnchors]);
    expect(body.tour.chapters.map((c: Doc) => c.title)).toEqual(Object.values(tourChapters));
    expect(body.beginnerApis).toEqual([...beginnerApis]);

    for (const kind of ['glossary', 'concepts', 'apis', 'corrections', 'tour']) {
      const one = await get(app, `/spine/v1/course/${kind}`);
      expect(one.status, kind).toBe(200);
      expect(one.body, kind).toEqual(body[kind]);
    }
    const guides = (await get(app, '/spine/v1/course/apis')).body as Doc[];
    expect(guides.find((g) => g.api === 'TMF641')).toMatchObject({ name: 'Service Ordering', owner: 'som' });
  });

  it('answers an unknown kind with a TMF 404 error body', async () => {
    const app = await build();
    const response = await get(app, '/spine/v1/course/recipes');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'SPN-404-NOT-FOUND', status: '404', '@type': 'Error', reason: expect.any(String) });
    expect((response.body as Doc).message).toContain('recipes');
  });
});

describe('live examples', () => {
  it('each resolves against a stack that has run the GPON journey, over HTTP', async () => {
    const { app } = await ranStack();
    const examples: [string, LiveExample][] = [
      ...concepts.map((c): [string, LiveExample] => [`concept ${c.id}`, c.liveExample]),
      ...corrections.flatMap((c): [string, LiveExample][] => (c.liveExample ? [[`correction ${c.id}`, c.liveExample]] : [])),
    ];
    // Examples that read another journey (another scenario, or other input) get it run, as the explorer would.
    const journeys = new Set(
      examples.flatMap(([, e]) => ('scenario' in e ? [JSON.stringify([e.scenario, 'input' in e && e.input ? e.input : {}])] : [])),
    );
    journeys.delete(JSON.stringify(['gpon-ftth', {}]));
    for (const journey of journeys) {
      const [scenario, input] = JSON.parse(journey) as [string, object];
      const run = await app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs?wait=true`, payload: input });
      expect(run.statusCode, run.body).toBe(201);
    }
    const unresolved: string[] = [];
    for (const [where, example] of examples) {
      try {
        const answer = await resolveLiveExample(example, (path) => get(app, path));
        expect(answer.data.length).toBeGreaterThan(0);
      } catch (error) {
        unresolved.push(`${where}: ${(error as Error).message}`);
      }
    }
    expect(unresolved).toEqual([]);
  }, 60_000);

  it('API guides name every actor that calls the API in the run', async () => {
    const { report } = await ranStack();
    for (const exchange of report.exchanges as Doc[]) {
      expect(apiGuides.find((g) => g.api === exchange.api)!.callers, `${exchange.from} → ${exchange.api}`).toContain(exchange.from);
    }
  }, 60_000);

  it('says so when the stack has no run to show yet', async () => {
    const app = await build();
    await expect(resolveLiveExample({ kind: 'event', scenario: 'gpon-ftth', eventType: 'ServiceOrderCreateEvent' }, (path) => get(app, path))).rejects.toThrow(
      /no run of scenario gpon-ftth with input \{\} yet/,
    );
  });
});
