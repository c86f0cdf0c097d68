import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';

// The `spine` command as a user runs it: the compiled binary (npm test builds it first).

const BIN = join(import.meta.dirname, '..', 'bin', 'spine.js');

describe('spine', () => {
  it('says its version with --version, the one in package.json', () => {
    const result = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect([result.status, result.stdout.trim()]).toEqual([0, version]);
  });
});

describe('spine serve', () => {
  it('explains itself with --help', () => {
    const result = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const option of ['--port', '--db', ':memory:', '8638', './data/spine.db']) expect(result.stdout).toContain(option);
  });

  it('refuses a port that is not a number, with a non-zero exit', () => {
    const result = spawnSync(process.execPath, [BIN, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('port');
  });

  it('refuses a database path that cannot hold a database, saying why, instead of hanging or starting', () => {
    for (const [db, reason] of [
      ['/proc/spine-nowhere/spine.db', "ENOENT: no such file or directory, mkdir '/proc/spine-nowhere'"],
      [`${BIN}/data/spine.db`, `${BIN} is not a directory`],
    ] as const) {
      const result = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], { encoding: 'utf8', timeout: 20_000 });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`cannot open the database ${db}: `);
      expect(result.stderr).toContain(reason);
    }
  });

  it('serves the APIs, logs one JSON line per request and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', ':memory:'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: any[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buffer.slice(0, newline)));
        buffer = buffer.slice(newline + 1);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const up = await waitFor(() => lines.find((l) => l.msg === 'Spine is up'));

    const response = await fetch(`http://127.0.0.1:${up.port}/tmf-api/productOrderingManagement/v4/productOrder`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productOrderItem: [{ id: '1', action: 'add' }] }),
    });
    expect(response.status).toBe(201);
    const logged = await waitFor(() => lines.filter((l) => l.msg === 'request'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'POST', statusCode: 201 });

    // An open activity stream (an explorer tab, say) does not hold the shutdown open: it ends.
    const stream = await fetch(`http://127.0.0.1:${up.port}/spine/v1/stream`);
    const reader = stream.body!.getReader();
    await reader.read();
    child.kill('SIGTERM');
    while (!(await reader.read()).done) {
      /* heartbeats until the server ends the stream */
    }
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.msg === 'shutting down')).toBe(true);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && (!Array.isArray(value) || value.length > 0)) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('spine bench', () => {
  it('refuses a time budget that is not a whole number above 0, before measuring anything', () => {
    const result = spawnSync(process.execPath, [BIN, 'bench', '--seconds', '0'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--seconds');
    expect(result.stdout).toBe('');
  });

  it('refuses a history that is not a whole number, before measuring anything', () => {
    const result = spawnSync(process.execPath, [BIN, 'bench', '--history', '-1'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--history');
    expect(result.stderr).toContain('expected a whole number of at least 0');
    expect(result.stdout).toBe('');
  });
});

describe('spine run into a pipe', () => {
  it('stops quietly when the reader closes the pipe (spine run … | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', ':memory:'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('spine trace', () => {
  it('says what the traced id is to its journey, then shows the chain', () => {
    const db = join(tempDir('spine-cli-'), 'spine.db');
    const run = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', db, '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const check = report.exchanges.find((x: { path: string }) => x.path.endsWith('/availabilityCheck'));
    const trace = spawnSync(process.execPath, [BIN, 'trace', check.response.id, '--db', db], { encoding: 'utf8' });
    expect(trace.status, trace.stderr).toBe(0);
    const [what, runLine, ...chain] = trace.stdout.split('\n');
    expect(what).toBe(`${check.response.id}: created by POST /tmf-api/resourcePoolManagement/v4/availabilityCheck (step reserve-resources)`);
    expect(runLine).toContain(`run ${report.run.id} (gpon-ftth, completed)`);
    expect(chain.join('\n')).toContain('po-ord-2026-00789');
  });
});

describe('spine against a server URL', () => {
  it('refuses a --server or --public-url that is not an http(s) URL, and says when the server answers no JSON', async () => {
    const serve = spawnSync(process.execPath, [BIN, 'serve', '--db', ':memory:'], { encoding: 'utf8', env: { ...process.env, SPINE_PUBLIC_URL: 'spine.example' } });
    expect(serve.status).toBe(1);
    expect(serve.stderr).toContain("option '--public-url <url>' value 'spine.example' from env 'SPINE_PUBLIC_URL' is invalid. expected an http(s) URL");
    for (const command of [['run', 'gpon-ftth'], ['trace', 'po-ord-2026-00789']]) {
      const refused = spawnSync(process.execPath, [BIN, ...command, '--server', 'localhost:8638'], { encoding: 'utf8' });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("option '--server <url>' argument 'localhost:8638' is invalid. expected an http(s) URL such as http://localhost:8638");
    }
    const notSpine = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    await new Promise<void>((resolve) => notSpine.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(notSpine.address() as AddressInfo).port}`;
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'trace', 'x', '--server', url], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`spine: ${url} answered GET /spine/v1/trace/x with 200 and no JSON: is it a Spine server?\n`);
    } finally {
      notSpine.close();
    }
  });
});

describe('spine run interrupted', () => {
  it('says on Ctrl-C where the journey stands, and the next spine process on the database finishes it', async () => {
    const db = join(tempDir('spine-cli-'), 'spine.db');
    const child = spawn(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    const runId = /^run (run-\S+)/.exec(first.toString())![1]!;
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(130);
    expect(stderr).toContain(`interrupted: journey ${runId} is kept as of its last finished step and goes on the next time Spine opens ${db}`);
    expect(stderr).toContain(`spine trace ${runId} --db ${db}`);

    // Another journey on the same database: its process runs the interrupted one's remaining steps too.
    expect(spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', db], { encoding: 'utf8' }).status).toBe(0);
    const trace = spawnSync(process.execPath, [BIN, 'trace', runId, '--db', db, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(trace.stdout).status).toBe('completed');
  });
});

describe('empty and mistyped values', () => {
  // `--customer ""` provisioned the next free customer, an empty PORT picked a random port, and a trace at a mistyped --db created that database.
  it('refuses an empty --customer as the API does, an empty port, and a trace of a database that does not exist (creating nothing)', () => {
    const dir = tempDir('spine-cli-');
    const empty = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', join(dir, 'run.db'), '--customer', ''], { encoding: 'utf8' });
    expect([empty.status, empty.stderr]).toEqual([1, expect.stringContaining('run parameter customerId must be an id')]);
    const port = spawnSync(process.execPath, [BIN, 'serve', '--db', ':memory:'], { encoding: 'utf8', env: { ...process.env, PORT: '' }, timeout: 20_000 });
    expect([port.signal, port.status, port.stderr]).toEqual([null, 1, expect.stringContaining('must be a port number')]);
    const missing = join(dir, 'typo', 'spine.db');
    const trace = spawnSync(process.execPath, [BIN, 'trace', 'po-ord-2026-00789', '--db', missing], { encoding: 'utf8' });
    expect([trace.status, trace.stderr]).toEqual([1, expect.stringContaining(`no database at ${missing}`)]);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  // --server silently ignored a --db or --seed typed beside it.
  it('refuses --db or --seed beside --server, before calling the server', () => {
    for (const args of [['run', 'gpon-ftth', '--db', 'x.db'], ['run', 'gpon-ftth', '--seed', 'none'], ['trace', 'x', '--db', 'x.db']]) {
      const result = spawnSync(process.execPath, [BIN, ...args, '--server', 'http://127.0.0.1:1'], { encoding: 'utf8' });
      expect([args.join(' '), result.status, result.stderr]).toEqual([args.join(' '), 1, expect.stringContaining("--server uses the server's database")]);
    }
  });
});

describe('spine run on a database file', () => {
  // A journey held in the fallout queue was said to go on by itself, and its entry was not named.
  it('names the fallout entry and the operator actions of a journey held for an operator, and exits 2', () => {
    const result = spawnSync(process.execPath, [BIN, 'run', 'appointment-missed', '--db', ':memory:'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toMatch(/\(fallout (fo-\S+): an operator goes on with POST \/spine\/v1\/fallout\/\1\/retry, \/resume or \/abort\)/);
  });

  it('reports a refused run and exits 1, after closing the database cleanly', () => {
    const db = join(tempDir('spine-cli-'), 'spine.db');
    const result = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', db, '--customer', 'cust-nobody'], { encoding: 'utf8' });
    expect(result.stderr).toContain('customer cust-nobody does not exist');
    expect(result.status).toBe(1);
  });

  it('follows a partial journey through its follow-up journey and exits with its outcome', () => {
    const db = join(tempDir('spine-cli-'), 'spine.db');
    const result = spawnSync(process.execPath, [BIN, 'run', 'partial-home-network', '--db', db], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/scenario partial-home-network/);
    // Started without a customer: whom it went to is said before the first step.
    expect(result.stdout).toContain('for Jane Smith (cust-56789) at addr-tor-42-maple-ave');
    expect(result.stdout).toMatch(/scenario service-follow-up/);
    expect(result.stdout).toContain('partial: Home Network and CPE management not delivered, left to a follow-up order');
    expect(result.stdout).toMatch(/followUpServiceOrder\s+so-\S+\s+completed/);
    expect(result.status, result.stderr).toBe(0);
  });
});
