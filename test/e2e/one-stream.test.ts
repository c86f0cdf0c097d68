import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, waitFor, type Stack } from './support/stack.js';

// Every open /spine/v1/stream is a poll loop on the server: the explorer holds one at a time,
// shared by the run list and the live swimlane.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the live stream', { timeout: 90_000 }, () => {
  it('is one connection while the swimlane follows a run live, and the run list follows it too', async () => {
    const { page, base } = stack;
    const open = new Set<Request>();
    let most = 0;
    let opened = 0;
    const isStream = (request: Request) => new URL(request.url()).pathname === '/spine/v1/stream';
    page.on('request', (request) => {
      if (!isStream(request)) return;
      open.add(request);
      opened += 1;
      most = Math.max(most, open.size);
    });
    const ended = (request: Request) => open.delete(request);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);

    // Architect mode: the swimlane counts every call of the run, not only the spine APIs' ones.
    await page.addInitScript(() => localStorage.setItem('spine.mode', 'architect'));
    await page.goto(`${base}/#/swimlane`);
    await page.waitForSelector('[data-view="swimlane"]');
    await page.selectOption('[data-testid="pick-scenario"]', 'gpon-ftth');
    // A BNG timeout twice: the journey recovers by retrying, and takes long enough to watch.
    await page.selectOption('[data-testid="pick-fault"]', 'bng-timeout');
    await page.fill('input[aria-label="times"]', '2');
    await page.click('[data-testid="run-scenario"]');
    await page.waitForSelector('h1:has-text("Live run")');
    const runId = (await page.textContent('main h1'))!.replace('Live run ', '');

    // The run picker names the run the lanes show, not the default one.
    const picked = () => page.$eval('[data-testid="pick-run"]', (select) => (select as HTMLSelectElement).value);
    expect(await picked()).toBe(runId);
    // The swimlane shows the calls as they happen, not only at the end.
    const counts = new Set<string>();
    await waitFor(async () => {
      const text = (await page.textContent('[data-testid="swimlane-count"]')) ?? '';
      counts.add(text.split(' · ')[0]!);
      return text.includes('completed');
    }, 60_000);
    expect(counts.size).toBeGreaterThan(2);
    const report = (await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { exchanges: unknown[] };
    expect(await page.textContent('[data-testid="swimlane-count"]')).toMatch(new RegExp(`^${report.exchanges.length} / `));
    // The run list learned of the run from the same stream and shows where it stopped.
    await waitFor(async () => ((await page.textContent(`[data-testid="pick-run"] option[value="${runId}"]`)) ?? '').includes('gpon-ftth completed'), 10_000);
    // A moment after the run: the swimlane has let go of the stream, the run list still holds it.
    await page.waitForTimeout(1000);
    expect(await picked()).toBe(runId);

    expect(opened).toBeGreaterThan(0);
    expect(most).toBe(1);
    expect(open.size).toBe(1);
    expect(stack.problems).toEqual([]);
  });

  // Restarted on a new database, the server's log was shorter than the page's Last-Event-ID: the
  // stream waited silently and the run list kept naming runs the server no longer had.
  it('drops the runs of a replaced database from the run list when the stream says it was reset', async () => {
    const { page, base } = stack;
    await page.goto(`${base}/#/swimlane`);
    await page.waitForSelector('[data-view="swimlane"]');
    const started = (await (await fetch(`${base}/spine/v1/scenarios/gpon-ftth/runs?wait=true`, { method: 'POST' })).json()) as { run: { id: string } };
    const option = `[data-testid="pick-run"] option[value="${started.run.id}"]`;
    await waitFor(async () => ((await page.textContent(option)) ?? '').includes('completed'), 20_000);
    await stack.restartOnFreshDatabase();
    await waitFor(async () => (await page.locator(option).count()) === 0, 10_000);
  });
});
