import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// The server under test in the slow suite: `node bin/spine.js serve` on a test's database file,
// started, SIGKILLed and started again; and the HTTP helpers the tests read it through.

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'spine.js');

type Doc = Record<string, any>;

export interface SpineProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the server logs "Spine is up"; rejects if it exits first. */
  up: Promise<string>;
  /**
   * Resolves when the server logs its dataset line: the database is open and the journey runner
   * starts right after (it resumes what a kill left pending before the server even listens).
   */
  booted: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines of stdout and stderr, for diagnostics. */
  tail: string[];
}

const children = new Set<ChildProcess>();

/** Spawns `spine serve` on the database file; does not wait for it. */
export function launchSpine(dbPath: string, upTimeoutMs = 60_000): SpineProcess {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', dbPath, '--log-level', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  let onBooted = () => {};
  const booted = new Promise<void>((resolve) => (onBooted = resolve));
  const up = new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        remember(line);
        try {
          const parsed = JSON.parse(line) as Doc;
          if (parsed.dataset !== undefined) onBooted();
          if (parsed.msg === 'Spine is up') {
            onBooted();
            resolve(`http://127.0.0.1:${Number(parsed.port)}`);
          }
        } catch {
          /* not a log line */
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => remember(`stderr: ${chunk.toString().trimEnd()}`));
    void exited.then(({ code, signal }) => reject(new Error(`spine exited (${code ?? signal}) before it was up:\n${tail.join('\n')}`)));
    setTimeout(() => reject(new Error(`spine was not up after ${upTimeoutMs} ms:\n${tail.join('\n')}`)), upTimeoutMs).unref();
  });
  up.catch(() => undefined); // a life killed before it is up is normal; callers that need it await it
  return { child, up, booted, exited, tail };
}

export async function kill(spine: SpineProcess): Promise<void> {
  spine.child.kill('SIGKILL');
  await spine.exited;
}

export async function http(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export async function get(base: string, path: string): Promise<any> {
  const response = await http(base, 'GET', path);
  if (response.status >= 300) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** SIGKILLs every server this module started that is still running (a failed test's leftovers). */
export function killStarted(): void {
  for (const child of children) child.kill('SIGKILL');
}
