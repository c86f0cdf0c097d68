import { InvalidArgumentError, type Command } from 'commander';

// Parsers of option values for commander: a bad value is refused before the command runs.

/** A whole number from `min` up, kept as the text given. */
export function wholeNumberFrom(min: number) {
  return (value: string): string => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return value;
  };
}

/** A TCP port. */
export function port(value: string): number {
  // Number('') is 0, which would pick a random port for an empty PORT=.
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return parsed;
}

/** An http(s) URL, without the trailing slashes paths are appended to. */
export function httpUrl(value: string): string {
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') throw new InvalidArgumentError('expected an http(s) URL such as http://localhost:8638');
  return value.replace(/\/+$/, '');
}

/** With --server the server's own database is used: a --db or --seed typed beside it would be silently ignored, so it is refused. */
export function refuseLocalOptionsWithServer(command: Command, names: readonly string[]): void {
  if (command.getOptionValue('server') === undefined) return;
  const given = names.filter((name) => command.getOptionValueSource(name) === 'cli');
  if (given.length) throw new Error(`${given.map((name) => `--${name}`).join(' and ')} ${given.length > 1 ? 'apply' : 'applies'} to in-process runs; --server uses the server's database`);
}
