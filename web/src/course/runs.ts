// The runs course content reads: the latest run of a scenario started with a given input, started
// on the stack when there is none yet (one POST at a time per query, shared by every caller).
import { getJson } from '../api';
import type { Run, RunReport } from '../api';

type Input = Record<string, string>;
const starting = new Map<string, Promise<Run>>();

function sameInput(actual: Record<string, unknown>, wanted: Input): boolean {
  const keys = Object.keys(wanted);
  return Object.keys(actual).length === keys.length && keys.every((k) => actual[k] === wanted[k]);
}

/** The newest run of `scenario` with exactly `input`, or null. */
export async function findRun(scenario: string, input: Input = {}): Promise<Run | null> {
  const runs = await getJson<Run[]>(`/spine/v1/runs?scenario=${encodeURIComponent(scenario)}&limit=100`);
  return runs.find((r) => sameInput(r.input ?? {}, input) && r.status !== 'running') ?? null;
}

/** That run, started (and waited for) when the stack has none. */
export function ensureRun(scenario: string, input: Input = {}): Promise<Run> {
  const key = `${scenario} ${JSON.stringify(input)}`;
  if (!starting.has(key)) {
    const p = (async () => {
      const found = await findRun(scenario, input);
      if (found) return found;
      const report = await getJson<RunReport>(`/spine/v1/scenarios/${encodeURIComponent(scenario)}/runs?wait=true`, { method: 'POST', body: JSON.stringify(input) });
      return report.run;
    })();
    starting.set(key, p);
    p.finally(() => starting.delete(key)).catch(() => undefined);
  }
  return starting.get(key)!;
}
