import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { get, http, kill, killStarted, launchSpine } from './support/spine-process.js';
import { CRASH_SEED, prng } from './support/seeded-random.js';

// A failure scenario across crashes: `activation-retry` arms a BNG timeout ×2 for its own journey.
// The server is SIGKILLed at random moments while the journey runs and started again each time; the
// journey must still fail exactly two activation attempts and succeed at the third, as armed: the
// fault and its count outlive the process, and an attempt a kill cut short neither counts nor fires.
// The kill delays come from CRASH_SEED (support/seeded-random.ts).

const KILLS = 8;
const KILL_DELAY_MS = [20, 400] as const;
const DEADLINE_MS = 120_000;

type Doc = Record<string, any>;

afterAll(killStarted);

describe.runIf(process.env.SPINE_SLOW === '1')('a failure scenario across crashes', () => {
  it(`retries as armed however often the server is killed (up to ${KILLS} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spine-fault-crash-'));
    const db = join(dir, 'spine.db');
    const deadline = Date.now() + DEADLINE_MS;
    try {
      let spine = launchSpine(db);
      let base = await spine.up;
      const started = await http(base, 'POST', '/spine/v1/scenarios/activation-retry/runs', {});
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const runId = String(started.body.id);
      expect((await get(base, '/spine/v1/faults')).armed).toEqual([expect.objectContaining({ fault: 'bng-timeout', remaining: 2, correlationId: started.body.correlationId })]);

      const random = prng(CRASH_SEED);
      let kills = 0;
      let killedMidJourney = 0;
      while (kills < KILLS) {
        await spine.booted;
        await new Promise((resolve) => setTimeout(resolve, KILL_DELAY_MS[0] + random() * (KILL_DELAY_MS[1] - KILL_DELAY_MS[0])));
        await kill(spine);
        kills++;
        spine = launchSpine(db);
        base = await spine.up;
        const status = (await get(base, `/spine/v1/runs/${runId}`)).run.status;
        if (status === 'running') killedMidJourney++;
        else break;
      }

      let report: Doc;
      for (;;) {
        report = await get(base, `/spine/v1/runs/${runId}`);
        if (report.run.status !== 'running') break;
        if (Date.now() > deadline) throw new Error(`run ${runId} still running after ${DEADLINE_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      console.log(`fault crash test (seed ${CRASH_SEED}): ${kills} kills, ${killedMidJourney} with the journey still running after the restart; run ${report.run.status}`);

      expect(report.run.status).toBe('completed');
      expect(report.steps.find((s: Doc) => s.step === 'activate-resources')).toMatchObject({ status: 'done', attempts: 3 });
      const timeouts = report.exchanges.filter((x: Doc) => x.api === 'TMF702' && x.status === 504);
      expect(timeouts).toHaveLength(2);
      expect((await get(base, '/spine/v1/faults')).armed).toEqual([]);
      expect(killedMidJourney).toBeGreaterThan(0);

      spine.child.kill('SIGTERM');
      expect((await spine.exited).code).toBe(0);
    } finally {
      killStarted();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
