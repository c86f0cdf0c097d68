import { Command, Option } from 'commander';
import { SeedChoices, type SeedChoice } from '../scenarios/demo-dataset.js';
import { httpUrl, refuseLocalOptionsWithServer } from './arguments.js';
import { chainLines } from './chain.js';
import { inProcessSource, serverSource, type Doc, type JourneySource } from './journey-source.js';
import { DETERMINISTIC_START } from '../tmf/sources.js';
import { DEFAULT_DB } from './serve.js';

const POLL_MS = 50;

// A held journey is neither done nor lost: it waits (for a work order, an operator) and goes on in
// whichever process runs the database next. A partial one is followed through its follow-up journey,
// whose outcome is the exit code.
const exitCodes: Record<string, number> = { completed: 0, failed: 1, held: 2 };

/** `spine run <scenario>`: runs a journey and shows it step by step, then its ids, counts and states. */
export function runCommand(): Command {
  return new Command('run')
    .description('run a journey (e.g. gpon-ftth) in this process or against a running server')
    .argument('<scenario>', 'scenario name, as listed by GET /spine/v1/scenarios')
    .option('--customer <id>', 'customer id (default: the scenario\'s)')
    .option('--address <id>', 'installation address id (default: the customer\'s service address)')
    .option('--offering <id>', 'product offering id (default: the scenario\'s)')
    .option('--product <id>', 'existing product to modify or cease (default: the customer\'s active product)')
    .option('--server <url>', 'run against this server instead of in-process, e.g. http://localhost:8638', httpUrl)
    .addOption(new Option('--db <path>', 'SQLite file for an in-process run').env('SPINE_DB').default(DEFAULT_DB))
    .addOption(new Option('--seed <dataset>', 'dataset for a new in-process database').default('demo').choices(Object.keys(SeedChoices)))
    .option('--deterministic', 'virtual clock and counter ids: the same run on a fresh database gives the same records')
    .option('--json', 'print the whole run report as JSON instead of progress lines')
    .option('--fault <fault[:times]>', 'arm a fault before the run (repeatable), e.g. bng-timeout:2; GET /spine/v1/faults lists them', (value: string, all: string[]) => [...all, value], [] as string[])
    .action(async (scenario: string, options: { customer?: string; address?: string; offering?: string; product?: string; server?: string; db: string; seed: SeedChoice; deterministic?: boolean; json?: boolean; fault: string[] }, command: Command) => {
      if (options.server && options.deterministic) throw new Error('--deterministic applies to in-process runs; start the server with spine serve --deterministic');
      refuseLocalOptionsWithServer(command, ['db', 'seed']);
      const source = options.server ? serverSource(options.server) : await inProcessSource(options.db, options.seed, options.deterministic ? DETERMINISTIC_START : undefined);
      try {
        const input = {
          // An empty --customer "" is sent as given, so it is refused as the API refuses it, not read as none.
          ...(options.customer !== undefined && { customerId: options.customer }),
          ...(options.address !== undefined && { addressId: options.address }),
          ...(options.offering !== undefined && { offeringId: options.offering }),
          ...(options.product !== undefined && { productId: options.product }),
        };
        const faults = options.fault.map((spec) => {
          const [fault, times = '1'] = spec.split(':');
          if (!/^\d+$/.test(times)) throw new Error(`--fault ${spec}: times must be a whole number (e.g. bng-timeout:2)`);
          return { fault: fault!, times: Number(times) };
        });
        const progress = options.json ? silent : terminal(process.stdout);
        // Ctrl-C leaves the journey where its last committed step left it: say so, and where it goes on.
        let following: string | undefined;
        process.once('SIGINT', () => {
          progress.current(undefined);
          process.stderr.write(`\n${interruption(following, options)}\n`);
          process.exit(130);
        });
        const started = await source.start(scenario, { ...input, ...(faults.length && { faults }) });
        following = String(started.id);
        for (const { fault, times } of faults) progress.line(`fault ${fault} ×${times}, armed for this journey only`);
        const reports = [await follow(source, started, progress)];
        // A partial journey goes on in its follow-up journey (the same correlationId): follow it to its end.
        for (let followUp = followUpOf(reports.at(-1)!); followUp; followUp = followUpOf(reports.at(-1)!)) {
          following = followUp;
          reports.push(await follow(source, (await source.report(followUp)).run as Doc, progress));
        }
        const [report, ...followUps] = reports;
        if (options.json) process.stdout.write(`${JSON.stringify(followUps.length ? { ...report, followUps } : report, null, 2)}\n`);
        else for (const each of reports) process.stdout.write(summary(each, await source.trace(String(each.run.id)).catch(() => undefined)));
        process.exitCode = exitCodes[String(reports.at(-1)!.run.status)] ?? 1;
      } finally {
        await source.close();
      }
    });
}

function interruption(runId: string | undefined, options: { server?: string; db: string }): string {
  if (!runId) return 'interrupted before the journey started';
  const where = options.server ? `--server ${options.server}` : `--db ${options.db}`;
  const goesOn = options.server ? 'goes on in the server' : `is kept as of its last finished step and goes on the next time Spine opens ${options.db} (spine serve or spine run)`;
  return `interrupted: journey ${runId} ${goesOn}; spine trace ${runId} ${where} shows where it is`;
}

/** Where progress goes: finished lines, and (on a terminal) a transient line for the step in flight. */
export interface Progress {
  line(text: string): void;
  current(text: string | undefined): void;
}

const silent: Progress = { line: () => undefined, current: () => undefined };

export function terminal(out: Pick<NodeJS.WriteStream, 'isTTY' | 'columns' | 'write'>): Progress {
  if (!out.isTTY) return { line: (text) => out.write(`${text}\n`), current: () => undefined };
  let transient = false;
  const clear = () => {
    if (transient) out.write('\r\x1b[2K');
    transient = false;
  };
  return {
    line(text) {
      clear();
      out.write(`${text}\n`);
    },
    current(text) {
      clear();
      if (text === undefined) return;
      // A terminal that reports no width (0, as under `script`) is taken as 80 columns wide.
      out.write(`… ${text}`.slice(0, Math.max(20, (out.columns || 80) - 1)));
      transient = true;
    },
  };
}

function followUpOf(report: Doc): string | undefined {
  return report.run.status === 'partial' ? ((report.run.context as Doc).followUp as Doc | undefined)?.runId as string | undefined : undefined;
}

/** Reports each step of a started run as it finishes; resolves with the final run report. */
async function follow(source: JourneySource, run: Doc, progress: Progress): Promise<Doc> {
  const print = progress.line;
  print(`run ${String(run.id)}  scenario ${String(run.scenario)}  correlationId ${String(run.correlationId)}`);
  const context = (run.context ?? {}) as Doc;
  // Who it is for: a run started without a customer goes to whichever demo customer's premises is free.
  if (context.customerId) print(`for ${context.customerName ? `${String(context.customerName)} ` : ''}(${String(context.customerId)})${context.addressId ? ` at ${String(context.addressId)}` : ''}`);
  let shown = 0;
  for (;;) {
    const report = await source.report(String(run.id));
    const steps = report.steps as Doc[];
    const finished = steps.filter((s) => s.status !== 'pending');
    for (const step of finished.slice(shown)) {
      const calls = (report.exchanges as Doc[]).filter((x) => x.step === step.step);
      const apis = [...new Set(calls.map((x) => `${x.from}→${x.to} ${x.api}`))].join(', ');
      const mark = step.status === 'done' ? '✓' : '✗';
      print(`${mark} ${String(step.position + 1).padStart(2)}  ${String(step.step).padEnd(26)} ${apis}${step.error ? `\n      ${String(step.error)}` : ''}`);
    }
    shown = finished.length;
    if (report.run.status !== 'running') {
      progress.current(undefined);
      return report;
    }
    const inFlight = steps.find((s) => s.status === 'pending');
    progress.current(inFlight && `${String(inFlight.position + 1).padStart(2)}  ${String(inFlight.step)}${inFlight.error ? `  (${String(inFlight.error)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function summary(report: Doc, trace: Doc | undefined): string {
  const { run } = report;
  const lines = [
    '',
    `${run.status === 'completed' ? 'completed' : `${String(run.status)}: ${String(run.error ?? '')}`}${run.status === 'held' ? heldNote(run) : ''}\n  ${report.exchanges.length} exchanges, ${report.events.length} events, ${report.transitions.length} transitions`,
  ];
  lines.push(...chainLines((trace?.chain as Doc[] | undefined) ?? []));
  return `${lines.join('\n')}\n`;
}

// Held in the fallout queue, a journey waits for an operator; held on a condition (a work order, a slot), it goes on by itself.
function heldNote(run: Doc): string {
  const fallout = run.context?.fallout as { id: string; status: string } | undefined;
  if (fallout?.status === 'open') return ` (fallout ${fallout.id}: an operator goes on with POST /spine/v1/fallout/${fallout.id}/retry, /resume or /abort)`;
  return ' (the journey goes on when the condition holds, in whichever spine process runs this database)';
}
