import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, waitFor, type Stack } from './support/stack.js';

// A first visit, on a stack where no journey has run: the views drawn from a run offer to run one.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the explorer before any journey', { timeout: 90_000 }, () => {
  it('reading the course pages and the overview starts no journey: they offer the run, and a refused run says why in the server\'s words', async () => {
    const { page, base } = stack;
    await page.goto(`${base}/#/concepts`);
    await page.waitForSelector('[data-testid="live-start-run"]');
    await page.goto(`${base}/#/apis/TMF641`);
    await page.waitForSelector('[data-testid="api-calls-no-run"] [data-testid="start-first-run"]');
    await page.goto(`${base}/#/overview`);
    await page.waitForSelector('[data-testid="no-run"] [data-testid="start-first-run"]');
    await page.waitForTimeout(500);
    expect(await (await fetch(`${base}/spine/v1/runs`)).json()).toEqual([]);
    // No demo customer has a line to upgrade: the swimlane shows the 409's message next to its button, nothing thrown.
    await page.goto(`${base}/#/swimlane`);
    await page.selectOption('[data-testid="pick-scenario"]', 'gpon-upgrade');
    await page.click('[data-testid="run-scenario"]');
    expect(await (await page.waitForSelector('[data-testid="run-refused"]')).textContent()).toMatch(/^none of the demo customers .* has an active product; run gpon-ftth first$/);
    expect(await page.textContent('main h1')).toBe('Swimlane');
    const refused = `${base}/spine/v1/scenarios/gpon-upgrade/runs`;
    expect(stack.problems.splice(0).filter((problem) => !problem.includes(refused))).toEqual([]);
  });

  it('offers to run the GPON FTTH journey on the views drawn from a run, and shows it as it runs', async () => {
    const { page, base } = stack;
    await page.goto(`${base}/#/events`);
    await page.waitForSelector('[data-testid="no-run"]');
    for (const view of ['payloads', 'idchain']) {
      await page.goto(`${base}/#/${view}`);
      await page.waitForSelector('[data-testid="start-first-run"]');
    }
    // A link to a run this stack does not have says so, instead of loading for ever.
    for (const view of ['events', 'idchain']) {
      await page.goto(`${base}/#/${view}?run=run-nope`);
      expect(await (await page.waitForSelector('[data-testid="run-missing"]')).textContent()).toBe("No run run-nope on this stack: pick one from the Swimlane's run list.");
    }
    // Started from the ID chain view, the journey's chain grows there as it runs, to the whole chain.
    await page.goto(`${base}/#/idchain`);
    await page.click('[data-testid="start-first-run"]');
    await page.waitForURL(/#\/idchain\?run=run-/);
    const runId = new URLSearchParams(page.url().split('?')[1]).get('run')!;
    const report = async () => (await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { run: { status: string; scenario: string; correlationId: string }; events: { api: string; correlationId: string }[] };
    await waitFor(async () => (await report()).run.status !== 'running', 30_000);
    const done = await report();
    expect([done.run.scenario, done.run.status]).toEqual(['gpon-ftth', 'completed']);
    // Beginner mode: what belongs to the spine APIs, all of it once the view has read the finished run.
    const registry = (await (await fetch(`${base}/spine/v1/apis`)).json()) as { apis: { id: string; spine: boolean }[] };
    const spineApis = new Set(registry.apis.filter((a) => a.spine).map((a) => a.id));
    const trace = (await (await fetch(`${base}/spine/v1/trace/${runId}`)).json()) as { chain: { api: string }[] };
    const links = trace.chain.filter((c) => spineApis.has(c.api)).length;
    expect(links).toBeGreaterThan(5);
    await waitFor(async () => (await page.locator('main .chips .chip').count()) === links, 30_000);
    await page.goto(`${base}/#/events?run=${runId}`);
    const shown = done.events.filter((e) => e.correlationId === done.run.correlationId && spineApis.has(e.api)).length;
    await waitFor(async () => (await page.locator('[data-testid="event-row"]').count()) === shown, 30_000);
    // The unknown run's own 404s (its report, its trace) are the answers the views say so from.
    expect(stack.problems.filter((problem) => !/\/spine\/v1\/(runs|trace)\/run-nope\b/.test(problem))).toEqual([]);
  });
});

describe('the Modify view before any change journey', { timeout: 120_000 }, () => {
  let fresh: Stack;
  beforeAll(async () => {
    fresh = await startStack();
  }, 120_000);
  afterAll(async () => {
    await fresh?.close();
  });

  it('offers to run the upgrade and the held journey, says why the upgrade is refused without a line in service, and shows what they did', async () => {
    const { page, base } = fresh;
    await page.goto(`${base}/#/modify`);
    await page.waitForSelector('[data-testid="no-upgrade"]');
    // No demo customer has a line in service yet: the server's 409 says so, under the button.
    await page.click('[data-testid="run-upgrade"]');
    expect(await (await page.waitForSelector('[data-testid="no-upgrade"] [role="alert"]')).textContent()).toMatch(/^\s*none of the demo customers .* has an active product; run gpon-ftth first$/);
    // Each change journey takes a line in service that is not upgraded yet: one for the held journey, one for the upgrade.
    const provision = async () => {
      await page.click('[data-testid="run-provision"]');
      await page.waitForSelector('[data-testid="run-provision"]:not([disabled])', { timeout: 60_000 });
    };
    await provision();
    // The refusal was the stack's answer before the provision: it is gone.
    await waitFor(async () => (await page.locator('[data-testid="no-upgrade"] [role="alert"]').count()) === 0, 10_000);
    await page.click('[data-testid="run-held"]');
    await waitFor(async () => (await page.locator('main ol li').count()) > 1, 60_000);
    expect(await page.locator('main ol li.warn').textContent()).toMatch(/^held: /);
    await provision();
    await page.click('[data-testid="run-upgrade"]');
    // The line just provisioned is upgraded: its diff replaces the GPON access with XGS-PON.
    expect(await (await page.waitForSelector('[data-testid="diff-table"]', { timeout: 60_000 })).textContent()).toContain('XGS-PON access');
    expect(fresh.problems.filter((problem) => !problem.includes('409'))).toEqual([]);
  });
});
