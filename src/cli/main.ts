import { Command } from 'commander';
import { packageVersion } from '../package-root.js';
import { benchCommand } from './bench.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { traceCommand } from './trace.js';

// The `spine` command: each subcommand lives in its own file and only adapts arguments.
const program = new Command()
  .name('spine')
  .description('Spine: the TM Forum Open APIs of a telecom provisioning stack, served for real.')
  .version(packageVersion())
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(runCommand());
program.addCommand(traceCommand());
program.addCommand(benchCommand());

// A reader that stops early (`spine run … | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`spine: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
