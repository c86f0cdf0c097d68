import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The explorer in headless Chromium against a real server on a fresh demo database with a completed gpon-ftth run.
const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const VIEWS = ['overview', 'swimlane', 'lifecycles', 'idchain', 'events', 'qualification', 'failures', 'modify', 'payloads'];

interface Exchange { seq: number; runId: string; request: unknown; response: unknown; method: string; path: string }
interface ReportEvent { seq: number; api: string; resource: string; resourceId: string; eventId: string; eventType: string; [k: string]: unknown }

let server: ChildProcess;
let base = '';
let browser: Browser;
let page: Page;
let runId = '';
const problems: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}


async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

async function open(view: string, params = ''): Promise<void> {
  await page.goto(`${base}/#/${view}${params}`);
  await page.waitForSelector(`[data-view="${view}"]`);
}

// The mode is kept in localStorage: a test that counts what the page shows sets it itself.
async function useMode(mode: 'beginner' | 'architect' | 'payload'): Promise<void> {
  await page.evaluate((m) => localStorage.setItem('spine.mode', m), mode);
  await page.reload({ waitUntil: 'networkidle' });
}

// The ID chain's boxes as the browser draws them: pairs of nodes that overlap, and labels that run out of their node.
async function chainCollisions(): Promise<{ nodes: number; overlaps: string[]; spills: string[] }> {
  const drawn = await page.$$eval('[data-testid="id-graph"] .react-flow__node', (els) =>
    els.map((el) => {
      const { left, top, right, bottom } = el.getBoundingClientRect();
      const texts: Text[] = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) texts.push(walk.currentNode as Text);
      const rects = texts.map((t) => { const range = document.createRange(); range.selectNodeContents(t); return range.getBoundingClientRect(); });
      const text = { left: Math.min(...rects.map((r) => r.left)), top: Math.min(...rects.map((r) => r.top)), right: Math.max(...rects.map((r) => r.right)), bottom: Math.max(...rects.map((r) => r.bottom)) };
      return { name: (el.textContent ?? '').split('\n')[0]!, box: { left, top, right, bottom }, text };
    }),
  );
  type Rect = { left: number; top: number; right: number; bottom: number };
  const meet = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const within = (inner: Rect, outer: Rect) => inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
  return {
    nodes: drawn.length,
    overlaps: drawn.flatMap((a, i) => drawn.slice(i + 1).filter((b) => meet(a.box, b.box)).map((b) => `${a.name} × ${b.name}`)),
    spills: drawn.filter((n) => !within(n.text, n.box)).map((n) => n.name),
  };
}

async function inspectorText(): Promise<string> {
  return (await page.textContent('[data-testid="inspector"]')) ?? '';
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) execFileSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['bin/spine.js', 'serve', '--db', ':memory:', '--port', String(port), '--host', '127.0.0.1', '--public-url', base, '--log-level', 'warn'], { cwd: ROOT, stdio: 'ignore' });
  await waitFor(async () => (await fetch(`${base}/spine/v1/scenarios`)).ok);
  const report = (await (await fetch(`${base}/spine/v1/scenarios/gpon-ftth/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { run: { id: string; status: string } };
  expect(report.run.status).toBe('completed');
  runId = report.run.id;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A fetch the browser cancels because the test navigates on is not a failure of the server or the app;
    // every answer with a 4xx/5xx status and every refused or broken connection still is.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('explorer in headless Chromium', { timeout: 90_000 }, () => {
  it('opens every view, shows it and its inspector, and writes a 1440×900 screenshot', async () => {
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    await useMode('architect');
    for (const view of VIEWS) {
      await open(view);
      await page.waitForTimeout(view === 'idchain' ? 1500 : 600);
      const clickable = page.locator('main button.chip, main button.link, main button.pill').first();
      if (await clickable.count()) {
        await clickable.click();
        await waitFor(async () => !(await inspectorText()).includes('Click any API chip'));
        await page.waitForTimeout(300);
      }
      await page.screenshot({ path: join(SHOTS, `${view}.png`) });
    }
    expect(problems).toEqual([]);
  });

  it('shows the 26 APIs in 7 domains from the registry, and only the spine APIs in Beginner mode', async () => {
    await open('overview');
    await page.click('button[data-mode="architect"]');
    expect(await page.locator('.domain').count()).toBe(7);
    expect(await page.locator('.domain .chip.api').count()).toBe(26);
    await page.click('button[data-mode="beginner"]');
    const beginner = await page.locator('.domain .chip.api').count();
    expect(beginner).toBeGreaterThan(0);
    expect(beginner).toBeLessThan(26);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.waitForSelector('.domain .chip.api');
    expect(await page.getAttribute('button[data-mode="beginner"]', 'aria-pressed')).toBe('true');
    // The swimlane says how many of the run's calls Beginner mode leaves out.
    const report = (await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { exchanges: { api: string }[] };
    const registry = (await (await fetch(`${base}/spine/v1/apis`)).json()) as { apis: { id: string; spine: boolean }[] };
    const spineApis = new Set(registry.apis.filter((a) => a.spine).map((a) => a.id));
    const shown = report.exchanges.filter((x) => spineApis.has(x.api)).length;
    expect(await page.textContent('[data-testid="mode-hint"]')).toBe(`The ${spineApis.size} spine APIs, happy path only`);
    await open('swimlane', `?run=${runId}`);
    await waitFor(async () => (await page.textContent('[data-testid="swimlane-count"]')) === `${shown} / ${shown} calls · completed · ${report.exchanges.length - shown} more to other APIs in Architect mode`);
    // The payloads heading counts what it lists.
    await open('payloads', `?run=${runId}`);
    await waitFor(async () => (await page.textContent('[data-testid="payloads-heading"]')) === `Payloads — ${shown} of ${report.exchanges.length} exchanges of gpon-ftth`);
    expect(await page.locator('[data-testid="payload-row"]').count()).toBe(shown);
    await page.click('button[data-mode="payload"]');
    await open('swimlane', `?run=${runId}`);
    await page.waitForSelector('[data-testid="swimlane-chip"]');
    expect(await page.locator('[data-testid="swimlane-chip"]').first().textContent()).toContain('/tmf-api/');
    await page.screenshot({ path: join(SHOTS, 'mode-payload-swimlane.png') });
    await page.click('button[data-mode="architect"]');
    expect(problems).toEqual([]);
  });

  it('every JSON the inspector shows for the run equals the server record', async () => {
    const report = (await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { exchanges: Exchange[] };
    await open('payloads', `?run=${runId}`);
    await useMode('architect');
    const rows = page.locator('[data-testid="payload-row"]');
    expect(await rows.count()).toBe(report.exchanges.length);
    for (let i = 0; i < report.exchanges.length; i++) {
      const seq = Number(await rows.nth(i).getAttribute('data-seq'));
      const x = report.exchanges.find((e) => e.seq === seq)!;
      await rows.nth(i).click();
      await page.waitForFunction((seq) => decodeURIComponent(location.hash).endsWith(`:${seq}`), x.seq);
      const label = x.request === null || x.request === undefined ? 'Response' : 'Request';
      await page.waitForSelector(`[data-testid="inspector-json"][data-label="${label}"]`);
      const response = JSON.parse((await page.textContent('[data-testid="inspector-json"][data-label="Response"]'))!);
      expect(response).toEqual(x.response);
      if (label === 'Request') expect(JSON.parse((await page.textContent('[data-testid="inspector-json"][data-label="Request"]'))!)).toEqual(x.request);
    }
    // A resource fetched from its TMF href is the resource as stored.
    await open('idchain', `?run=${runId}`);
    await page.locator('main .chips .chip').filter({ hasText: 'productOrder' }).first().click();
    await page.waitForSelector('[data-testid="inspector-json"][data-label="Resource"]');
    const shown = JSON.parse((await page.textContent('[data-testid="inspector-json"][data-label="Resource"]'))!) as { id: string; href: string };
    const stored = await (await fetch(shown.href)).json();
    expect(shown).toEqual(stored);
    expect(problems).toEqual([]);
  });

  it('traces any id from the ID chain view: says what it is to its journey and shows that journey', async () => {
    const report = (await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { exchanges: Exchange[] };
    const check = report.exchanges.find((x) => x.path.endsWith('/availabilityCheck'))!;
    const checkId = (check.response as { id: string }).id;
    await page.goto(`${base}/#/idchain`);
    await page.waitForSelector('[data-view="idchain"]');
    await page.fill('[data-testid="trace-form"] input[name="id"]', checkId);
    await page.click('[data-testid="trace-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="trace-match"]');
    expect(await page.textContent('[data-testid="trace-match"]')).toBe(
      `${checkId}: created by POST /tmf-api/resourcePoolManagement/v4/availabilityCheck (step reserve-resources), in run ${runId} (gpon-ftth, completed).`,
    );
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('run')).toBe(runId);
    // An id of the chain is drawn out in the graph.
    await page.fill('[data-testid="trace-form"] input[name="id"]', (report.exchanges.find((x) => x.path.endsWith('/resourceOrder') && x.method === 'POST')!.response as { id: string }).id);
    await page.click('[data-testid="trace-form"] button[type="submit"]');
    await waitFor(async () => (await page.textContent('[data-testid="trace-match"]'))!.includes('the resourceOrder of the chain'));
    expect(await page.locator('[data-testid="id-graph"] .react-flow__node[style*="border"]').count()).toBe(1);
    // The graph is not shrunk below a readable size to fit: its labels stay at least 10 px on screen.
    const zoom = await page.$eval('[data-testid="id-graph"] .react-flow__viewport', (el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(zoom * 11).toBeGreaterThanOrEqual(9.9);
    // No node is drawn over another, and each holds its whole label.
    const chain = await chainCollisions();
    expect(chain.nodes).toBeGreaterThan(10);
    expect({ overlaps: chain.overlaps, spills: chain.spills }).toEqual({ overlaps: [], spills: [] });
    expect(problems).toEqual([]);
    // An id no journey has is refused with the server's reason, and the chain on show stays.
    await page.fill('[data-testid="trace-form"] input[name="id"]', 'no-such-id');
    await page.click('[data-testid="trace-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="trace-refused"]');
    expect(await page.textContent('[data-testid="trace-refused"]')).toMatch(/^no journey has no-such-id in its golden thread/);
    expect(await page.locator('main .chips .chip').count()).toBeGreaterThan(10);
    // The browser reports the 404 itself, as it must; nothing else went wrong.
    expect(problems.splice(0).filter((problem) => !problem.includes('/spine/v1/trace/no-such-id'))).toEqual([]);
  });

  it('names the call that caused each event: the cart is created by the POST, changed by the PATCH at checkout', async () => {
    await open('events', `?run=${runId}`);
    // Architect mode lists the events of every API (beginner mode keeps to the spine's).
    await page.click('button[data-mode="architect"]');
    const cause = (eventType: string) => page.textContent(`[data-testid="event-row"][data-event-type="${eventType}"] [data-testid="event-cause"]`);
    expect(await cause('ShoppingCartCreateEvent')).toContain('POST TMF663');
    expect(await cause('ShoppingCartAttributeValueChangeEvent')).toContain('PATCH TMF663');
    expect(await cause('ReservationCreationEvent')).toContain('POST TMF685');
    const causes = await page.locator('[data-testid="event-cause"]').allTextContents();
    expect(causes.filter((text) => !text)).toEqual([]);
    // The inspector names the cause too, and shows the envelope as a listener receives it (no report fields).
    await page.locator('[data-testid="event-row"][data-event-type="ShoppingCartCreateEvent"] button.link').first().click();
    await page.waitForSelector('[data-testid="inspector-event-cause"]');
    expect(await page.textContent('[data-testid="inspector-event-cause"]')).toMatch(/POST \/tmf-api\/shoppingCart\/v4\/shoppingCart \(201\)/);
    const shown = JSON.parse((await page.textContent('[data-testid="inspector-json"][data-label="Event envelope"]'))!) as Record<string, unknown>;
    expect(shown.eventType).toBe('ShoppingCartCreateEvent');
    expect(Object.keys(shown)).not.toContain('seq');
    await page.click('[data-testid="inspector-event-cause"] button');
    await page.waitForSelector('[data-testid="inspector-json"][data-label="Response"]');
    expect(problems).toEqual([]);
  });

  it('deep links select an item, and back/forward move between views and selections', async () => {
    await open('payloads', `?run=${runId}`);
    await page.locator('[data-testid="payload-row"]').first().click();
    const link = page.url();
    await open('events', `?run=${runId}`);
    await page.goBack();
    await page.waitForSelector('[data-view="payloads"]');
    expect(page.url()).toBe(link);
    await page.goForward();
    await page.waitForSelector('[data-view="events"]');
    await page.goto(link);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.waitForSelector('[data-testid="inspector-json"]');
    expect(await inspectorText()).toContain('Response');
  });

  it('draws a state machine with the run path, and a state opens its meaning and transitions out', async () => {
    await open('lifecycles', `?run=${runId}`);
    const diagram = page.locator('[data-testid="lifecycle-diagram"]');
    await diagram.scrollIntoViewIfNeeded();
    await diagram.locator('.react-flow__node', { hasText: 'inProgress' }).first().click();
    await waitFor(async () => (await inspectorText()).includes('Transitions out'));
    expect(await inspectorText()).toContain('ProductOrder.state = inProgress');
    await page.screenshot({ path: join(SHOTS, 'lifecycle-diagram.png') });
    expect(problems).toEqual([]);
  });

  it('is usable by keyboard: Tab reaches a chip and Enter inspects it', async () => {
    await open('overview');
    await page.click('button[data-mode="architect"]');
    await page.keyboard.press('Tab');
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.classList.contains('api') ?? false);
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await inspectorText()).includes('API docs'));
  });

  it('runs a scenario from the UI and the swimlane advances live', async () => {
    await open('swimlane');
    // The demo network has one drop at 42 Maple Ave, already in service: the enterprise customer gets a fresh path.
    // The form offers what the chosen scenario takes: a cease takes a customer or a product, no address.
    await page.selectOption('[data-testid="pick-scenario"]', 'gpon-cease');
    expect(await page.locator('fieldset.controls select').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['pick-scenario', 'pick-customerId', 'pick-productId', 'pick-fault']);
    // A rejection's own address is not offered: the scenario sets it.
    await page.selectOption('[data-testid="pick-scenario"]', 'reject-tech-001');
    expect(await page.locator('fieldset.controls select').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['pick-scenario', 'pick-customerId', 'pick-offeringId', 'pick-fault']);
    expect(await page.textContent('[data-testid="fixed-input"]')).toBe('set by the scenario: addressId addr-tor-15-birch-st');
    await page.selectOption('[data-testid="pick-scenario"]', 'gpon-ftth');
    // The pickers list the server's own customers, addresses and offerings.
    await page.locator('[data-testid="pick-customerId"] option[value="cust-56792"]').waitFor({ state: 'attached' });
    await page.selectOption('[data-testid="pick-customerId"]', 'cust-56792');
    await page.selectOption('[data-testid="pick-addressId"]', 'addr-tor-350-queen-st-e');
    await page.selectOption('[data-testid="pick-offeringId"]', 'po-gpon-ftth-business');
    // A BNG timeout twice: the journey recovers by retrying, and takes long enough to watch.
    await page.selectOption('[data-testid="pick-fault"]', 'bng-timeout');
    await page.fill('input[aria-label="times"]', '2');
    // The fault goes with the run, armed for its journey alone (it was armed for every journey first).
    const posts: { url: string; body: string | null }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push({ url: new URL(request.url()).pathname, body: request.postData() });
    });
    await page.click('[data-testid="run-scenario"]');
    await page.waitForSelector('h1:has-text("Live run")');
    expect(posts.map((p) => p.url)).toEqual(['/spine/v1/scenarios/gpon-ftth/runs']);
    expect(JSON.parse(posts[0]!.body!)).toMatchObject({ customerId: 'cust-56792', faults: [{ fault: 'bng-timeout', times: 2 }] });
    const seen = new Set<string>();
    await waitFor(async () => {
      const text = (await page.textContent('[data-testid="swimlane-count"]')) ?? '';
      seen.add(text.split(' · ')[0]!);
      return /completed|failed/.test(text);
    }, 60_000);
    expect(await page.textContent('[data-testid="swimlane-count"]')).toContain('completed');
    expect(seen.size).toBeGreaterThan(2);
    expect(await page.textContent('main h1')).toBe('Swimlane — gpon-ftth');
    // The picker says what the lanes say, though the run list may not have heard yet.
    expect(await page.$eval('[data-testid="pick-run"]', (select) => (select as HTMLSelectElement).selectedOptions[0]!.textContent)).toMatch(/^gpon-ftth completed /);
    await page.screenshot({ path: join(SHOTS, 'swimlane-live.png') });
    expect(problems).toEqual([]);
  });

  it('follows journeys started outside the page: the run list and the failure cards update without a reload', async () => {
    await open('swimlane');
    await page.locator('[data-testid="pick-run"] option:nth-child(2)').waitFor({ state: 'attached' });
    const post = async (body: Record<string, string>) =>
      ((await (await fetch(`${base}/spine/v1/scenarios/reject-tech-002/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { run: { id: string } }).run.id;
    const started = await post({});
    await page.locator(`[data-testid="pick-run"] option[value="${started}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    await waitFor(async () => ((await page.textContent(`[data-testid="pick-run"] option[value="${started}"]`)) ?? '').includes('reject-tech-002 failed'), 10_000);
    await page.click('nav.views a[href^="#/failures"]');
    const card = page.locator('[data-testid="failure-card"]', { hasText: 'TECH-002' });
    await card.waitFor();
    await post({ customerId: 'cust-56791' });
    await waitFor(async () => ((await card.locator('[data-testid="failure-card-result"]').textContent()) ?? '').includes('(cust-56791)'), 10_000);
    expect(problems).toEqual([]);
  });

  it('fits a 390 px screen: one column, the inspector under the view, no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const view of [...VIEWS, 'glossary', 'concepts', 'apis', 'corrections', 'tour']) {
        await open(view, `?run=${runId}`);
        await page.waitForTimeout(300);
        const layout = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          main: document.querySelector('main')!.getBoundingClientRect().width,
          inspectorBelow: document.querySelector('[data-testid="inspector"]')!.getBoundingClientRect().top >= document.querySelector('main')!.getBoundingClientRect().bottom - 1,
        }));
        expect({ view, ...layout }).toEqual({ view, page: 390, main: 390, inspectorBelow: true });
        if (view === 'overview') await page.screenshot({ path: join(SHOTS, 'narrow-overview.png') });
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    expect(problems).toEqual([]);
  });

  it('qualification starts the TECH-001, TECH-002, TECH-005 and COMM-003 journeys and shows their real rejections', async () => {
    // Jane's line is in service since the opening journey, so the TECH-005 journey has a premises already served.
    await open('qualification');
    await page.click('[data-testid="run-rejections"]');
    await waitFor(async () => (await page.locator('[data-testid="rejection"]').count()) === 4, 60_000);
    for (const code of ['TECH-001', 'TECH-002', 'TECH-005', 'COMM-003']) expect(await page.textContent('main')).toContain(`"code": "${code}"`);
    await page.locator('[data-testid="rejection"]').first().click();
    await page.waitForSelector('[data-testid="inspector-json"][data-label="Response"]');
    await page.screenshot({ path: join(SHOTS, 'qualification.png') });
    expect(problems).toEqual([]);
  });

  it('shows every failure card, the decision matrix and the failed runs as the server has them', async () => {
    await open('failures');
    const scenarios = (await (await fetch(`${base}/spine/v1/scenarios`)).json()) as { card?: unknown }[];
    const policies = (await (await fetch(`${base}/spine/v1/policies`)).json()) as { matrix: unknown[] };
    await waitFor(async () => (await page.locator('[data-testid="failure-card"]').count()) === scenarios.filter((s) => s.card).length, 10_000);
    // The matrix comes from its own request, which may answer after the cards.
    await waitFor(async () => (await page.locator('[data-testid="policy-matrix"] tbody tr').count()) === policies.matrix.length, 10_000);
    // A journey that left the happy path shows with its last call: the qualification test's rejections,
    // or, when this test runs alone, the TECH-001 one started here (it reserves nothing).
    const runs = (await (await fetch(`${base}/spine/v1/runs`)).json()) as { status: string }[];
    if (!runs.some((r) => r.status === 'failed')) {
      await fetch(`${base}/spine/v1/scenarios/reject-tech-001/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await page.reload();
    }
    await page.locator('[data-testid="failed-run-call"]').first().click();
    await page.waitForSelector('[data-testid="inspector-json"][data-label="Response"]');
    await page.screenshot({ path: join(SHOTS, 'failures.png') });
    expect(problems).toEqual([]);
  });

  it('runs the partial-completion card live: the swimlane ends partial and the run shows what it left to the follow-up order', async () => {
    // The opening journey equipped Jane Smith's premises, so the card orders for the next demo customer whose premises is free.
    // Architect mode: the swimlane counts every call of the run, not only the spine APIs' ones.
    await open('failures');
    await useMode('architect');
    const card = page.locator('[data-testid="failure-card"]', { hasText: 'partial completion' });
    await card.locator('[data-testid="run-failure"]').click();
    await page.waitForURL(/run=run-/);
    const runId = new URL(page.url().replace('#/', '')).searchParams.get('run');
    const status = async () => ((await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { run: { status: string; error: string | null } }).run;
    await waitFor(async () => (await status()).status !== 'running', 30_000);
    expect(await status()).toMatchObject({ status: 'partial' });
    // The swimlane follows the run to its end: the one refused TMF638 call shows among all its calls.
    // (The waits are long because a full test run loads both cores: the page catches up, however slowly.)
    const report = (await (await fetch(`${base}/spine/v1/runs/${runId}`)).json()) as { exchanges: unknown[] };
    await waitFor(async () => (await page.locator('[data-testid="swimlane-count"]').textContent())?.startsWith(`${report.exchanges.length} / ${report.exchanges.length}`) ?? false, 30_000);
    expect(await page.locator('[data-testid="swimlane-chip"].bad').count()).toBe(1);
    // The run picker learns the final status too, not only the count.
    await waitFor(async () => (await page.locator('[data-testid="pick-run"] option:checked').textContent())?.includes('partial-home-network partial') ?? false, 30_000);
    await page.screenshot({ path: join(SHOTS, 'failure-partial-swimlane.png') });
    await open('failures');
    await waitFor(async () => (await page.getByText('Home Network and CPE management not delivered').count()) > 0, 30_000);
    // The card names whom its run was for.
    expect(await card.locator('[data-testid="failure-card-result"]').textContent()).toBe('Last run: partial for Sophie Tremblay (cust-56794) at addr-tor-27-bertmount-ave');
    expect(problems).toEqual([]);
  });

  it('draws the upgrade diff table from the run report', async () => {
    const upgrade = await fetch(`${base}/spine/v1/scenarios/gpon-upgrade/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const run = (await upgrade.json()) as { diff?: unknown[]; run?: { id: string; status: string } };
    expect(upgrade.status).toBeLessThan(300);
    await open('modify');
    await page.waitForSelector('[data-testid="diff-table"] tbody tr');
    expect(await page.locator('[data-testid="diff-table"] tbody tr').count()).toBe(run.diff!.length);
    // What was created names its resources; what was released says how resource inventory has it now.
    const context = (run as { run?: { context: { addedResources: Record<string, string>; releasedResources: string[] } } }).run!.context;
    for (const id of Object.values(context.addedResources)) expect(await page.textContent('[data-testid="modify-created"]')).toContain(id);
    await waitFor(async () => (await page.locator('[data-testid="released-usage"]').count()) === context.releasedResources.length);
    expect(await page.locator('[data-testid="released-usage"]', { hasText: 'usageState idle' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'modify.png') });
    // The upgrade's chain (the resources it kept, those it reserved, and their activations) has no node drawn over another.
    const trace = (await (await fetch(`${base}/spine/v1/trace/${run.run!.id}`)).json()) as { correlationId: string; chain: unknown[] };
    await open('idchain', `?run=${run.run!.id}`);
    await waitFor(async () => ((await page.textContent('[data-testid="id-graph"] .react-flow__node[data-id="journey"]')) ?? '').replace(/\s/g, '').includes(trace.correlationId));
    await waitFor(async () => (await page.locator('[data-testid="id-graph"] .react-flow__node').count()) === (await page.locator('main .chips .chip').count()) + 1);
    const chain = await chainCollisions();
    expect(chain.nodes).toBeGreaterThan(10);
    expect({ overlaps: chain.overlaps, spills: chain.spills }).toEqual({ overlaps: [], spills: [] });
    expect(problems).toEqual([]);
  });

  it('the overview shows the correction the course places there', async () => {
    const corrections = (await (await fetch(`${base}/spine/v1/course/corrections`)).json()) as { title: string; seeIn: { view: string; anchor: string }[] }[];
    const placed = corrections.find((c) => c.seeIn.some((p) => p.view === 'overview' && p.anchor === 'correction-card'))!;
    await open('overview');
    await page.waitForSelector('[data-tour="correction-card"]');
    expect(await page.textContent('[data-tour="correction-card"] h3')).toContain(placed.title);
    expect(problems).toEqual([]);
  });

  it("the events view shows the selected event's envelope as listeners get it, and the stack's hubs with the journey's deliveries", async () => {
    const received: string[] = [];
    const listener = createHttpServer((request, response) => {
      received.push(request.url ?? '');
      request.resume().on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const callback = `http://127.0.0.1:${(listener.address() as { port: number }).port}/spine`;
    try {
      await open('events', `?run=${runId}`);
      await page.waitForSelector('[data-testid="hubs-none"]');
      const hub = (await (await fetch(`${base}/tmf-api/event/v4/hub`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ callback }) })).json()) as { id: string };
      // A journey after the subscription: every one of its events is delivered to the listener.
      const started = await fetch(`${base}/spine/v1/scenarios/reject-tech-002/runs?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const report = (await started.json()) as { run: { id: string }; events: ReportEvent[] };
      await open('events', `?run=${report.run.id}`);
      const envelope = async () => JSON.parse((await page.textContent('[data-testid="event-envelope-json"]'))!) as Record<string, unknown>;
      const asDelivered = ({ seq: _seq, api: _api, resource: _resource, resourceId: _resourceId, ...rest }: ReportEvent) => rest;
      await page.waitForSelector('[data-testid="event-envelope-json"]');
      // The view shows the run it was opened on once its report has loaded (until then, the previous run's).
      await waitFor(async () => (await envelope()).eventId === report.events[0]!.eventId);
      expect(await envelope()).toEqual(asDelivered(report.events[0]!));
      const third = report.events[2]!;
      await page.locator('table[data-tour="event-timeline"] button.link', { hasText: third.eventType }).first().click();
      await waitFor(async () => (await envelope()).eventId === third.eventId);
      expect(await envelope()).toEqual(asDelivered(third));
      await waitFor(async () => received.length >= report.events.length);
      await page.click('[data-testid="hubs-refresh"]');
      await waitFor(async () => (await page.textContent('[data-testid="hub-deliveries"]'))?.includes(`${report.events.length} delivered`) ?? false, 10_000);
      expect(await page.textContent('[data-testid="hub-callback"]')).toBe(callback);
      // Each delivery, opened: one row per event of the journey, all delivered on the first attempt.
      await page.click('[data-testid="hub-delivery-list"] summary');
      await waitFor(async () => (await page.locator('[data-testid="hub-delivery"]').count()) === report.events.length);
      expect(await page.locator('[data-testid="hub-delivery"][data-status="delivered"]').count()).toBe(report.events.length);
      expect(await page.textContent('[data-testid="hub-delivery"] button')).toBe(report.events[0]!.eventType);
      expect((await fetch(`${base}/tmf-api/event/v4/hub/${hub.id}`, { method: 'DELETE' })).status).toBe(204);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
    expect(problems).toEqual([]);
  });
});

