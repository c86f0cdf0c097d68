import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// A real Spine server on a fresh demo database and headless Chromium on it, recording every console
// error, page error, failed request and 4xx/5xx answer the page meets.
export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

export interface Stack { base: string; browser: Browser; page: Page; problems: string[]; close: () => Promise<void>; restartOnFreshDatabase: () => Promise<void> }

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

/** `ignore` lists URL parts whose errors are expected (endpoints other parts of Spine have not built). */
export async function startStack({ ignore = [] as string[] } = {}): Promise<Stack> {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) execFileSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serve = async () => {
    const child = spawn(process.execPath, ['bin/spine.js', 'serve', '--db', ':memory:', '--port', String(port), '--host', '127.0.0.1', '--public-url', base, '--log-level', 'warn'], { cwd: ROOT, stdio: 'ignore' });
    await waitFor(async () => (await fetch(`${base}/spine/v1/scenarios`)).ok);
    return child;
  };
  let server: ChildProcess = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const ignored = (url: string) => ignore.some((p) => url.includes(p));
  page.on('console', (m) => {
    if (m.type() === 'error' && !ignored(m.location().url)) problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // The live stream is closed on purpose when a run ends or the page moves on.
    if (!r.url().includes('/spine/v1/stream') && !ignored(r.url())) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !ignored(r.url())) problems.push(`${r.status()} ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    base, browser, page, problems,
    close: async () => {
      await browser.close();
      server.kill();
    },
    // The same address, a new process on a new in-memory database: what the page meets when Spine is restarted.
    restartOnFreshDatabase: async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
      server = await serve();
    },
  };
}
