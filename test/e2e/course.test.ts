import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startStack, waitFor, type Stack } from './support/stack.js';

// The course half of the explorer in headless Chromium, on a fresh stack that has never run a journey:
// the tour must start the run it plays on.
const OPTIONAL = ['/spine/v1/policies', '/spine/v1/faults', '/spine/v1/fallout'];

interface Step { id: string; chapter: string; view: string; target: string; level: string; title: string }
interface Course {
  glossary: { id: string; term: string; level: string; apis: string[] }[];
  concepts: { id: string; level: string }[];
  apis: { api: string; level: string; purpose: string }[];
  corrections: { id: string; level: string }[];
  tour: { chapters: { id: string; title: string }[]; steps: Step[] };
}
interface Exchange { seq: number; runId: string; api: string; request: unknown; response: unknown }

let stack: Stack;
let page: Page;
let base = '';
let course: Course;

const json = async <T>(path: string): Promise<T> => (await (await fetch(`${base}${path}`)).json()) as T;

async function setMode(mode: string) {
  await page.click(`button[data-mode="${mode}"]`);
  await page.waitForSelector(`button[data-mode="${mode}"][aria-pressed="true"]`);
}

/** The latest completed gpon-ftth run: the tour test's, or one started now when that test did not run first. */
async function completedGponRun(): Promise<{ id: string }> {
  const done = (await json<{ id: string; status: string }[]>('/spine/v1/runs?scenario=gpon-ftth')).find((r) => r.status === 'completed');
  if (done) return done;
  const started = await fetch(`${base}/spine/v1/scenarios/gpon-ftth/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await started.json()) as { run: { id: string } }).run;
}

/** Waits for the tour to show a step, and says whether its element was outlined or reported missing. */
async function settled(stepId: string): Promise<'shown' | 'missing'> {
  await page.waitForSelector(`[data-testid="tour-panel"][data-step="${stepId}"]:is([data-phase="shown"], [data-phase="missing"])`, { timeout: 30_000 });
  return (await page.getAttribute('[data-testid="tour-panel"]', 'data-phase')) as 'shown' | 'missing';
}

beforeAll(async () => {
  stack = await startStack({ ignore: OPTIONAL });
  ({ page, base } = stack);
  course = await json<Course>('/spine/v1/course');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('course views in headless Chromium', () => {
  it('plays the whole tour as a video at the fastest speed, starting the gpon-ftth run it needs', { timeout: 240_000 }, async () => {
    expect(await json<unknown[]>('/spine/v1/runs?scenario=gpon-ftth')).toEqual([]);
    await page.goto(`${base}/#/tour`);
    await setMode('architect');
    await page.waitForSelector('[data-testid="tour-chapter"]');
    expect(await page.locator('[data-testid="tour-chapter"]').count()).toBe(10);
    await page.click('[data-testid="tour-autoplay"]');
    await page.waitForSelector('[data-testid="tour-panel"]');
    await page.selectOption('[data-testid="tour-speed"]', '16');
    const seen: string[] = [];
    const last = course.tour.steps.at(-1)!.id;
    await waitFor(async () => {
      const id = await page.getAttribute('[data-testid="tour-panel"]', 'data-step');
      if (id && seen.at(-1) !== id) seen.push(id);
      return id === last && (await page.getAttribute('[data-testid="tour-play"]', 'aria-pressed')) === 'false';
    }, 220_000);
    expect(seen).toEqual(course.tour.steps.map((s) => s.id));
    const runs = await json<{ status: string }[]>('/spine/v1/runs?scenario=gpon-ftth');
    expect(runs.map((r) => r.status)).toEqual(['completed']);
    expect(stack.problems).toEqual([]);
  });

  it('walks the tour by keyboard: each step moves to its view and outlines its element, none missing; screenshots of each chapter start', { timeout: 240_000 }, async () => {
    await page.goto(`${base}/#/tour`);
    await setMode('architect');
    await page.click('[data-testid="tour-start"]');
    const steps = course.tour.steps;
    const missing: string[] = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (i > 0) {
        await page.locator('body').focus().catch(() => undefined);
        await page.keyboard.press('ArrowRight');
      }
      const phase = await settled(step.id);
      const route = await page.evaluate(() => location.hash);
      expect(route.startsWith(`#/${step.view}`)).toBe(true);
      expect(await page.textContent('[data-testid="tour-progress"]')).toBe(`Step ${i + 1} of ${steps.length}`);
      if (phase === 'shown') {
        const outlined = page.locator(`[data-tour="${step.target}"][data-tour-highlight]`);
        expect(await outlined.count()).toBe(1);
        await page.waitForTimeout(500);
        const box = await outlined.boundingBox();
        expect(box && box.y < 900 && box.y + box.height > 0).toBe(true);
      } else missing.push(`${step.id}: ${step.view}/${step.target}`);
      const chapter = course.tour.chapters.findIndex((c) => c.id === step.chapter);
      if (steps.findIndex((s) => s.chapter === step.chapter) === i) {
        await page.waitForTimeout(700);
        await page.screenshot({ path: join(SHOTS, `tour-${String(chapter + 1).padStart(2, '0')}-${step.chapter.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.png`) });
      }
    }
    expect(missing).toEqual([]);
    await page.keyboard.press('ArrowLeft');
    await settled(steps.at(-2)!.id);
    await page.click(`[data-testid="tour-panel"] button[data-chapter="${course.tour.chapters[2]!.id}"]`);
    await settled(steps.find((s) => s.chapter === course.tour.chapters[2]!.id)!.id);
    expect(await page.textContent('[data-testid="tour-progress"]')).toContain(`Step ${steps.findIndex((s) => s.chapter === course.tour.chapters[2]!.id) + 1} of`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="tour-panel"]', { state: 'detached' });
    expect(await page.locator('[data-tour-highlight]').count()).toBe(0);
    expect(stack.problems).toEqual([]);
  });

  it('plays only the beginner steps in Beginner mode', async () => {
    await page.goto(`${base}/#/tour`);
    await setMode('beginner');
    await page.click('[data-testid="tour-start"]');
    const beginner = course.tour.steps.filter((s) => s.level === 'beginner');
    await settled(beginner[0]!.id);
    expect(await page.textContent('[data-testid="tour-progress"]')).toBe(`Step 1 of ${beginner.length}`);
    expect(beginner.length).toBeLessThan(course.tour.steps.length);
    await page.click('[data-testid="tour-close"]');
    expect(stack.problems).toEqual([]);
  });

  it('in Beginner mode points each step at what it talks about: the service order diagram, the resources, the TMF645 answer', { timeout: 120_000 }, async () => {
    await page.goto(`${base}/#/tour`);
    await setMode('beginner');
    const play = async (title: string) => {
      const step = course.tour.steps.find((s) => s.title === title)!;
      await page.locator('.tour-toc button.link', { hasText: title }).click();
      expect(await settled(step.id)).toBe('shown');
      return page.locator(`[data-tour="${step.target}"][data-tour-highlight]`);
    };
    await play('A service order, state by state');
    expect(await page.inputValue('select[aria-label="State machine"]')).toBe('service-order');
    await page.click('[data-testid="tour-close"]');
    // The resources are TMF639's, off the spine: the step shows them in Architect mode.
    await page.goto(`${base}/#/tour`);
    await setMode('beginner');
    expect(await (await play('Down to the port')).textContent()).toMatch(/^resource:/);
    await page.click('[data-testid="tour-close"]');
    await page.goto(`${base}/#/tour`);
    await setMode('beginner');
    const card = await play('Can the network deliver it?');
    await waitFor(async () => ((await card.textContent()) ?? '').includes('"code": "TECH-001"'), 30_000);
    expect(await card.textContent()).not.toContain('COMM-003');
    await page.click('[data-testid="tour-close"]');
    expect(stack.problems).toEqual([]);
  });

  it('filters the glossary as you type; beginner mode lists the beginner terms; API chips and see-in links work', { timeout: 60_000 }, async () => {
    await page.goto(`${base}/#/glossary`);
    await setMode('architect');
    const terms = page.locator('[data-testid="glossary-term"]');
    await page.waitForSelector('[data-testid="glossary-term"]');
    expect(await terms.count()).toBe(course.glossary.length);
    await page.screenshot({ path: join(SHOTS, 'glossary.png') });
    await page.locator('[data-testid="glossary-filter"]').pressSequentially('cross');
    await waitFor(async () => (await terms.count()) < course.glossary.length);
    const shown = await terms.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const t of shown) expect(t.toLowerCase()).toContain('cross');
    await page.fill('[data-testid="glossary-filter"]', 'zzz-no-such-term');
    await page.waitForSelector('[data-testid="glossary-empty"]');
    await page.fill('[data-testid="glossary-filter"]', '');
    await setMode('beginner');
    expect(await terms.count()).toBe(course.glossary.filter((t) => t.level === 'beginner').length);
    await setMode('architect');
    // An API chip opens the API's page and shows the API in the inspector.
    const term = course.glossary.find((t) => t.apis.length)!;
    await page.locator(`#term-${term.id} a.chip[data-api="${term.apis[0]}"]`).click();
    await page.waitForSelector(`[data-testid="api-page"][data-api="${term.apis[0]}"]`);
    await waitFor(async () => ((await page.textContent('[data-testid="inspector"]')) ?? '').includes(`${term.apis[0]} `));
    // A see-in link moves to the view and outlines the place.
    await page.goto(`${base}/#/glossary`);
    const link = page.locator('[data-see-in="swimlane/swimlane"]').first();
    await link.click();
    await page.waitForSelector('[data-tour="swimlane"][data-tour-highlight]');
    expect(await page.evaluate(() => location.hash)).toBe('#/swimlane');
    // A place this mode does not show is said so in the view the link moved to.
    await page.goto(`${base}/#/glossary`);
    await setMode('beginner');
    await page.locator('#term-olt-ont [data-see-in="idchain/idchain-resources"]').click();
    await page.waitForSelector('[data-view="idchain"] [data-testid="missing-place"]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="missing-place"]')).toContain('ID chain has no idchain-resources on screen: Beginner mode');
    await setMode('architect');
    expect(stack.problems).toEqual([]);
  });

  it('opens every one of the 26 API pages with its guide, resources and its calls in the latest gpon-ftth run', { timeout: 120_000 }, async () => {
    const registry = await json<{ apis: { id: string; resources: unknown[] }[] }>('/spine/v1/apis');
    expect(registry.apis).toHaveLength(26);
    const run = await completedGponRun();
    const report = await json<{ exchanges: Exchange[] }>(`/spine/v1/runs/${run.id}`);
    await page.goto(`${base}/#/apis`);
    await setMode('architect');
    await page.waitForSelector('[data-testid="api-link"]');
    expect(await page.locator('[data-testid="api-link"]').count()).toBe(26);
    for (const api of registry.apis) {
      await page.goto(`${base}/#/apis/${api.id}`);
      await page.waitForSelector(`[data-testid="api-page"][data-api="${api.id}"]`);
      const guide = course.apis.find((g) => g.api === api.id)!;
      expect(await page.textContent('[data-testid="api-purpose"]')).toBe(guide.purpose);
      expect(await page.locator('[data-testid="api-resources"] tbody tr').count()).toBe(api.resources.length);
      const calls = report.exchanges.filter((x) => x.api === api.id);
      await page.waitForSelector('[data-testid="api-calls"], [data-testid="api-calls-none"]');
      expect(await page.locator('[data-testid="api-call"]').count()).toBe(calls.length);
      if (api.id === 'TMF641') {
        await page.locator('[data-testid="api-call"]').first().click();
        await page.waitForSelector('[data-testid="inspector-json"][data-label="Response"]');
        expect(JSON.parse((await page.textContent('[data-testid="inspector-json"][data-label="Response"]'))!)).toEqual(calls[0]!.response);
        await page.screenshot({ path: join(SHOTS, 'api-TMF641.png') });
      }
    }
    expect(stack.problems).toEqual([]);
  });

  it('shows every concept with its live example from the stack, and the corrections', { timeout: 60_000 }, async () => {
    await page.goto(`${base}/#/concepts`);
    await setMode('architect');
    await page.waitForSelector('[data-testid="concept"]');
    expect(await page.locator('[data-testid="concept"]').count()).toBe(course.concepts.length);
    // Every example answers with real data, or offers to start the run it reads.
    await waitFor(async () => (await page.locator('[data-testid="live-json"], [data-testid="live-start-run"]').count()) === course.concepts.length);
    const starters = page.locator('[data-testid="live-start-run"]');
    while (await starters.count()) {
      await starters.first().click();
      await page.waitForTimeout(300);
      await waitFor(async () => (await page.locator('[data-testid="live-start-run"]:disabled').count()) === 0, 30_000);
    }
    await waitFor(async () => (await page.locator('[data-testid="live-json"]').count()) === course.concepts.length, 30_000);
    const first = page.locator('[data-testid="concept"]').first();
    await first.locator('[data-testid="live-inspect"]').click();
    await page.waitForSelector('[data-testid="inspector-json"][data-label="Response"]');
    expect(JSON.parse((await page.textContent('[data-testid="inspector-json"][data-label="Response"]'))!)).toEqual(JSON.parse((await first.locator('[data-testid="live-json"]').textContent())!).response);
    await page.screenshot({ path: join(SHOTS, 'concepts.png') });
    await page.goto(`${base}/#/corrections`);
    await page.waitForSelector('[data-testid="correction"]');
    expect(await page.locator('[data-testid="correction"]').count()).toBe(course.corrections.length);
    await page.screenshot({ path: join(SHOTS, 'corrections.png') });
    expect(stack.problems).toEqual([]);
  });

  it('every clickable of the course views is a button or a link, and keyboard focus is visible', async () => {
    for (const view of ['glossary', 'concepts', 'apis', 'apis/TMF622', 'corrections', 'tour']) {
      await page.goto(`${base}/#/${view}`);
      await page.waitForSelector('main .course');
      const wrong = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => getComputedStyle(el).cursor === 'pointer' && !el.closest('a[href], button, label, summary, select, input'))
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(wrong).toEqual([]);
    }
    await page.click('[data-testid="tour-start"]');
    // Once the step is on screen: until then the panel re-renders and may take the focus with it.
    await page.waitForSelector('[data-testid="tour-panel"]:is([data-phase="shown"], [data-phase="missing"])');
    await page.focus('[data-testid="tour-prev"]');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { id: el.dataset.testid, style: getComputedStyle(el).outlineStyle };
    });
    expect(outline.style).not.toBe('none');
    await page.keyboard.press('Escape');
    expect(stack.problems).toEqual([]);
  });
});

describe('the tour on a stack whose only line was ceased', () => {
  let ceased: Stack;
  beforeAll(async () => {
    ceased = await startStack({ ignore: OPTIONAL });
  }, 120_000);
  afterAll(async () => {
    await ceased?.close();
  });

  it('says why the TECH-005 journey cannot start yet, and provisions a new line before the modify steps, which need one in service to upgrade', { timeout: 120_000 }, async () => {
    const post = async (scenario: string) => (await fetch(`${ceased.base}/spine/v1/scenarios/${scenario}/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    for (const scenario of ['gpon-ftth', 'gpon-cease']) expect((await post(scenario)).run.status).toBe('completed');
    const { page: tourPage, base: ceasedBase } = ceased;

    // With no line in service there is no premises to order a second line at: the TECH-005 card says so.
    await tourPage.goto(`${ceasedBase}/#/qualification`);
    await tourPage.click('[data-testid="run-rejections"]');
    await tourPage.waitForSelector('[data-testid="rejection-refused"]', { timeout: 60_000 });
    expect(await tourPage.textContent('[data-testid="rejection-refused"]')).toContain('Could not start: none of the demo customers cust-56789, cust-56794, cust-56795, cust-56796 has a line in service; run gpon-ftth first');
    await waitFor(async () => (await tourPage.locator('[data-testid="rejection"]').count()) === 3, 30_000);
    await tourPage.goto(`${ceasedBase}/#/tour`);
    await tourPage.click(`button[data-mode="architect"]`);
    await tourPage.click('[data-testid="tour-start"]');
    await tourPage.waitForSelector('[data-testid="tour-panel"]');
    await tourPage.click('[data-testid="tour-panel"] button[data-chapter="modify"]');
    await tourPage.waitForSelector('[data-testid="tour-panel"][data-step="modify-diff"]:is([data-phase="shown"], [data-phase="missing"], [data-phase="error"])', { timeout: 60_000 });
    expect(await tourPage.getAttribute('[data-testid="tour-panel"]', 'data-phase')).toBe('shown');
    const runs = await (await fetch(`${ceasedBase}/spine/v1/runs?scenario=gpon-upgrade`)).json() as { scenario: string; status: string }[];
    expect(runs.map((r) => r.status)).toEqual(['completed']);
    const lines = await (await fetch(`${ceasedBase}/spine/v1/runs?scenario=gpon-ftth`)).json() as { scenario: string; status: string }[];
    expect(lines.map((r) => r.status)).toEqual(['completed', 'completed']);
    // The refusals met: the TECH-005 journey and the upgrade, both asked for before a line was in service (the tour got round the second).
    const refusals = ['reject-tech-005', 'gpon-upgrade'].map((scenario) => `${ceasedBase}/spine/v1/scenarios/${scenario}/runs?wait=true`);
    expect(ceased.problems.sort()).toEqual(refusals.flatMap((url) => [`409 ${url}`, `console: Failed to load resource: the server responded with a status of 409 (Conflict) (${url})`]).sort());
  });
});
