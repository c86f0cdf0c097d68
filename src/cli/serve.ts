import { Command, Option } from 'commander';
import { SeedChoices, type SeedChoice } from '../scenarios/demo-dataset.js';
import { serve } from '../server/server.js';
import { DETERMINISTIC_START } from '../tmf/sources.js';
import { httpUrl, port } from './arguments.js';

export const DEFAULT_PORT = 8638;
export const DEFAULT_DB = './data/spine.db';

/** `spine serve`: the HTTP server with every TMF API, on an embedded SQLite database. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the 26 TMF Open APIs, the docs and the explorer')
    .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT').default(DEFAULT_PORT).argParser(port))
    .addOption(new Option('--host <host>', 'interface to bind').env('HOST').default('0.0.0.0'))
    .addOption(new Option('--db <path>', 'SQLite file, or :memory: for a throwaway database').env('SPINE_DB').default(DEFAULT_DB))
    .addOption(new Option('--public-url <url>', 'scheme and host that hrefs start with (default http://localhost:<port>)').env('SPINE_PUBLIC_URL').argParser(httpUrl))
    .addOption(new Option('--seed <dataset>', 'dataset to load into a new database').env('SPINE_SEED').default('demo').choices(Object.keys(SeedChoices)))
    .option('--deterministic', `virtual clock from ${DETERMINISTIC_START} and counter ids, for reproducible demos`)
    .addOption(new Option('--log-level <level>', 'pino log level').env('LOG_LEVEL').default('info').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']))
    .action(async (options: { port: number; host: string; db: string; publicUrl?: string; logLevel: string; seed: SeedChoice; deterministic?: boolean }) => {
      await serve({ port: options.port, host: options.host, dbPath: options.db, publicUrl: options.publicUrl, logLevel: options.logLevel, seed: options.seed, deterministic: options.deterministic ? DETERMINISTIC_START : undefined });
    });
}
