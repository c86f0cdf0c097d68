// Resolves a live example against a running Spine through its HTTP endpoints only, so the explorer
// and the tests answer the same query the same way. `get` is any JSON GET (fetch, app.inject).

import type { LiveExample, RunQuery } from './model.js';

/** A GET returning the status and the parsed JSON body. */
export type GetJson = (path: string) => Promise<{ status: number; body: unknown }>;

/** What a live example shows: the paths read, and the matching data. */
export interface LiveAnswer {
  sources: string[];
  data: unknown[];
}

type Doc = Record<string, unknown>;

/**
 * Runs the query a live example names and returns what matched; throws, naming the example, when
 * the stack has nothing for it (no run of the scenario yet, an unknown step, no such event).
 */
export async function resolveLiveExample(example: LiveExample, get: GetJson): Promise<LiveAnswer> {
  switch (example.kind) {
    case 'endpoint': {
      const { body } = await ok(get, example.path);
      return { sources: [example.path], data: [body] };
    }
    case 'lifecycle': {
      const path = '/spine/v1/lifecycles';
      const { body } = await ok(get, path);
      const machines = ((body as Doc).machines as Doc[]).filter(
        (m) => m.entity === example.entity && (example.field === undefined || m.field === example.field),
      );
      return answer(example, [path], machines);
    }
    case 'run-exchange': {
      const { runPath, report } = await latestRun(get, example);
      const exchanges = (report.exchanges as Doc[]).filter(
        (x) => x.step === example.step && (example.api === undefined || x.api === example.api),
      );
      return answer(example, [runPath], exchanges);
    }
    case 'event': {
      const { runPath, report } = await latestRun(get, example);
      const events = (report.events as Doc[]).filter((e) => e.eventType === example.eventType);
      return answer(example, [runPath], events);
    }
    case 'thread': {
      const { run } = await latestRun(get, example);
      const tracePath = `/spine/v1/trace/${encodeURIComponent(String(run.id))}`;
      const { body } = await ok(get, tracePath);
      const links = ((body as Doc).chain as Doc[]).filter((link) => link.role === example.role);
      return answer(example, [tracePath], links);
    }
  }
}

/** The newest run of `scenario` started with `input` (a variant scenario's own preset included), if any. */
export async function findLatestRun(get: GetJson, { scenario, input = {} }: RunQuery): Promise<Doc | undefined> {
  // A variant scenario (reject-tech-001…) fixes part of its input; its runs record that part too.
  const { body: scenarios } = await ok(get, '/spine/v1/scenarios');
  const preset = ((scenarios as Doc[]).find((s) => s.name === scenario)?.input ?? {}) as Record<string, string>;
  const { body: runs } = await ok(get, `/spine/v1/runs?scenario=${encodeURIComponent(scenario)}&limit=100`);
  return (runs as Doc[]).find((candidate) => candidate.status !== 'running' && sameInput((candidate.input ?? {}) as Doc, { ...input, ...preset }));
}

async function latestRun(get: GetJson, query: RunQuery) {
  const run = await findLatestRun(get, query);
  if (!run) throw new Error(`no run of scenario ${query.scenario} with input ${JSON.stringify(query.input ?? {})} yet`);
  const runPath = `/spine/v1/runs/${encodeURIComponent(String(run.id))}`;
  const { body } = await ok(get, runPath);
  return { run, runPath, report: body as Doc };
}

function sameInput(actual: Doc, wanted: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(wanted);
  return Object.keys(actual).length === keys.length && keys.every((key) => actual[key] === wanted[key]);
}

async function ok(get: GetJson, path: string) {
  const response = await get(path);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response;
}

function answer(example: LiveExample, sources: string[], data: unknown[]): LiveAnswer {
  if (data.length === 0) throw new Error(`nothing in the stack matches ${JSON.stringify(example)}`);
  return { sources, data };
}
