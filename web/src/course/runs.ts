// The runs course content reads: the latest run of a scenario started with a given input, started
// on the stack when there is none yet (one POST at a time per query, shared by every caller).
import { findLatestRun } from '../../../src/course/live-examples.ts';
import { CallRefused, getJson } from '../api';
import type { Run, RunReport } from '../api';

type Input = Record<string, string>;
const starting = new Map<string, Promise<Run>>();

const get = async (path: string) => {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
};

/** The newest finished run of `scenario` started with `input`, or null. */
export async function findRun(scenario: string, input: Input = {}): Promise<Run | null> {
  return ((await findLatestRun(get, { scenario, input })) as Run | undefined) ?? null;
}
// The journey that puts a line in service: what a change journey acts on.
const PROVISION = 'gpon-ftth';

/**
 * That run, started (and waited for) when the stack has none. A change journey the stack refuses with
 * 409 (no demo customer has a line in service to change, say after a cease) gets a new line first.
 */
export function ensureRun(scenario: string, input: Input = {}): Promise<Run> {
  const key = `${scenario} ${JSON.stringify(input)}`;
  if (!starting.has(key)) {
    const p = (async () => {
      const found = await findRun(scenario, input);
      if (found) return found;
      try {
        return await startRun(scenario, input);
      } catch (error) {
        if (scenario === PROVISION || !(error instanceof CallRefused && error.status === 409)) throw error;
      }
      await startRun(PROVISION, input.customerId ? { customerId: input.customerId } : {});
      return startRun(scenario, input);
    })();
    starting.set(key, p);
    p.finally(() => starting.delete(key)).catch(() => undefined);
  }
  return starting.get(key)!;
}

async function startRun(scenario: string, input: Input): Promise<Run> {
  const report = await getJson<RunReport>(`/spine/v1/scenarios/${encodeURIComponent(scenario)}/runs?wait=true`, { method: 'POST', body: JSON.stringify(input) });
  return report.run;
}
