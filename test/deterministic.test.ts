import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { DETERMINISTIC_START } from '../src/tmf/sources.js';
import { build, json } from './support/build.js';

// Deterministic mode: a virtual clock and counter ids make the same journey on a fresh demo database
// produce the same run record byte for byte. The golden file is that record; regenerate it with
// `UPDATE_GOLDEN=1 npx vitest run test/deterministic.test.ts` after an intended change, and review the diff.

const GOLDEN = join(import.meta.dirname, 'golden', 'gpon-ftth.run.json');

async function deterministicRun(): Promise<string> {
  const app = await build({ deterministic: DETERMINISTIC_START });
  await loadDemoDataset(app.spine.ctx);
  const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs?wait=true', ...json({}) });
  expect(response.statusCode).toBe(201);
  return `${JSON.stringify(response.json(), null, 2)}\n`;
}

describe('deterministic mode', () => {
  it('records the same GPON journey byte for byte on two fresh demo databases, as the golden file has it', async () => {
    const first = await deterministicRun();
    const second = await deterministicRun();
    expect(second).toBe(first);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, first);
    expect(existsSync(GOLDEN), 'golden file missing: run with UPDATE_GOLDEN=1').toBe(true);
    expect(first).toBe(readFileSync(GOLDEN, 'utf8'));

    const report = JSON.parse(first);
    expect(report.run.status).toBe('completed');
    expect(report.run.context).toMatchObject({ productOrderId: 'po-ord-2026-00789', serviceOrderId: 'so-2026-00789', resourceOrderId: 'ro-2026-00321' });
    expect(report.run.createdAt.startsWith('2026-11-26T09:00:')).toBe(true);
  });
});
