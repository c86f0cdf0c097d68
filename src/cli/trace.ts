import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { SeedChoices } from '../scenarios/demo-dataset.js';
import { httpUrl, refuseLocalOptionsWithServer } from './arguments.js';
import { chainLines } from './chain.js';
import { inProcessSource, serverSource, type Doc } from './journey-source.js';
import { DEFAULT_DB } from './serve.js';

/** `spine trace <id>`: the golden thread of the journey any id belongs to. */
export function traceCommand(): Command {
  return new Command('trace')
    .description('show the golden thread (customer → orders → services → resources) of any id of a journey')
    .argument('<id>', 'any id: product/service/resource order, service, resource, event, run or correlationId')
    .option('--server <url>', 'ask this server instead of reading the database in-process', httpUrl)
    .addOption(new Option('--db <path>', 'SQLite file for an in-process lookup').env('SPINE_DB').default(DEFAULT_DB))
    .option('--json', 'print the trace as JSON')
    .action(async (id: string, options: { server?: string; db: string; json?: boolean }, command: Command) => {
      refuseLocalOptionsWithServer(command, ['db']);
      // A lookup reads a database; it does not create one at a mistyped path.
      if (!options.server && options.db !== ':memory:' && !existsSync(options.db)) throw new Error(`no database at ${options.db} (--db or SPINE_DB names the one spine serve or spine run wrote)`);
      const source = options.server ? serverSource(options.server) : await inProcessSource(options.db, SeedChoices.none);
      try {
        const trace = await source.trace(id);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(trace, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${id}: ${String(trace.match)}\n`);
        process.stdout.write(`run ${String(trace.runId)} (${String(trace.scenario)}, ${String(trace.status)})  correlationId ${String(trace.correlationId)}\n`);
        for (const line of chainLines(trace.chain as Doc[])) process.stdout.write(`${line}\n`);
      } finally {
        await source.close();
      }
    });
}
