import { Command, Option } from 'commander';
import { SeedChoices } from '../scenarios/demo-dataset.js';
import { inProcessSource, serverSource } from './journey-source.js';
import { DEFAULT_DB } from './serve.js';

/** `spine trace <id>`: the golden thread of the journey any id belongs to. */
export function traceCommand(): Command {
  return new Command('trace')
    .description('show the golden thread (customer → orders → services → resources) of any id of a journey')
    .argument('<id>', 'any id: product/service/resource order, service, resource, event, run or correlationId')
    .option('--server <url>', 'ask this server instead of reading the database in-process')
    .addOption(new Option('--db <path>', 'SQLite file for an in-process lookup').env('SPINE_DB').default(DEFAULT_DB))
    .option('--json', 'print the trace as JSON')
    .action(async (id: string, options: { server?: string; db: string; json?: boolean }) => {
      const source = options.server ? serverSource(options.server) : await inProcessSource(options.db, SeedChoices.none);
      try {
        const trace = await source.trace(id);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(trace, null, 2)}\n`);
          return;
        }
        process.stdout.write(`run ${String(trace.runId)} (${String(trace.scenario)}, ${String(trace.status)})  correlationId ${String(trace.correlationId)}\n`);
        for (const node of trace.chain as Array<Record<string, unknown>>) {
          const owner = node.owner as { api: string; actor?: string };
          process.stdout.write(`  ${String(node.role).padEnd(30)} ${String(node.id).padEnd(40)} ${String(node.state ?? '').padEnd(12)} ${owner.api}${owner.actor ? ` (${owner.actor})` : ''}\n`);
        }
      } finally {
        await source.close();
      }
    });
}
