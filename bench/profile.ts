// Profiles a batch of journeys: run under the CPU profiler, then read the profile with
// bench/analyze-profile.ts, which keeps only the samples taken while journeys ran:
//
//   npm run build && node --cpu-prof --cpu-prof-dir=/tmp/spine-prof --cpu-prof-interval 250 dist/bench/profile.js
//   node dist/bench/analyze-profile.js /tmp/spine-prof
//
// PROFILE_WAVES (default 6) waves of PROFILE_K (default 16) journeys after a warm-up; between waves the
// resources are released as in the bench (outside the windows). The windows (process.hrtime, µs, the
// profile's clock) go to <cpu-prof-dir or cwd>/windows.json, with the SQL statements a journey runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountJourneys, journeySlots, openJourneyApp, runWave, settleWave, warmUp } from './journeys.js';

const WAVES = Number(process.env.PROFILE_WAVES ?? 6);
const K = Number(process.env.PROFILE_K ?? 16);
const profDir = process.execArgv.find((a) => a.startsWith('--cpu-prof-dir='))?.split('=')[1] ?? process.cwd();
const micros = () => Number(process.hrtime.bigint() / 1000n);

const dir = mkdtempSync(join(tmpdir(), 'spine-profile-'));
try {
  const spine = await openJourneyApp(dir);
  const slots = journeySlots().slice(0, K);
  await warmUp(spine);
  const accounting = await accountJourneys(spine, 2, slots);
  const statements = [...accounting.log.statements].map(([sql, n]) => ({ sql, perJourney: n / accounting.journeys })).sort((a, b) => b.perJourney - a.perJourney);

  const windows: { start: number; end: number; journeys: number; completed: number }[] = [];
  const latencies: number[] = [];
  for (let w = 0; w < WAVES; w++) {
    const start = micros();
    const wave = await runWave(spine, slots);
    windows.push({ start, end: micros(), journeys: wave.results.length, completed: wave.results.filter((r) => r.run.status === 'completed').length });
    latencies.push(...wave.results.map((r) => r.latencyMs));
    await settleWave(spine, wave);
  }
  await spine.close();
  mkdirSync(profDir, { recursive: true });
  writeFileSync(join(profDir, 'windows.json'), JSON.stringify({ k: K, windows, statements }, null, 1));
  const busy = windows.reduce((n, w) => n + w.end - w.start, 0) / 1e6;
  const completed = windows.reduce((n, w) => n + w.completed, 0);
  process.stdout.write(`${completed}/${WAVES * K} journeys completed in ${busy.toFixed(2)} s of waves (K=${K}): ${(completed / busy).toFixed(1)} journeys/s\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
