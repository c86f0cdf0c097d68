import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { wholeNumberFrom } from './arguments.js';

const BENCH_SCRIPT = fileURLToPath(new URL('../../bench/run.js', import.meta.url));

/** `spine bench`: the benchmark of `npm run bench`, in its own process (it builds its own network and database). */
export function benchCommand(): Command {
  return new Command('bench')
    .description('measure throughput as ratios of ceilings measured in the same run (loopback only)')
    .addOption(new Option('--seconds <n>', 'time budget of each measure').argParser(wholeNumberFrom(1)).default('5'))
    .addOption(new Option('--journeys <n>', 'most journeys per concurrency level').argParser(wholeNumberFrom(1)).default('200'))
    .addOption(new Option('--history <n>', 'journeys run after the measures before K=16 is measured again on the grown database (0: none)').argParser(wholeNumberFrom(0)).default('1000'))
    .addOption(new Option('--customer-base <n>', 'premises (an address and a drop each) added with the history before that measure (0: none)').argParser(wholeNumberFrom(0)).default('10000'))
    .addOption(new Option('--only <part>', 'run only one part').choices(['journeys']))
    .action(async (options: { seconds: string; journeys: string; history: string; customerBase: string; only?: string }) => {
      if (!existsSync(BENCH_SCRIPT)) throw new Error(`the benchmark is not built (${BENCH_SCRIPT}); run npm run build first`);
      const env = { ...process.env, BENCH_SECONDS: options.seconds, BENCH_JOURNEYS: options.journeys, BENCH_HISTORY: options.history, BENCH_CUSTOMER_BASE: options.customerBase, ...(options.only && { BENCH_ONLY: options.only }) };
      const child = spawn(process.execPath, [BENCH_SCRIPT], { stdio: 'inherit', env });
      process.exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    });
}
