/** Command-line options for the npm scripts: Node's `parseArgs`, strict, with a usage error (exit 2) for a bad one. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how the script was called: the scripts print it with a pointer to `--help` and exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The option values, or a `UsageError` naming the unknown option or missing value. No positionals. */
export function parseOptions<const O extends Options>(argv: string[], options: O, allowNegative = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false, allowNegative }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
