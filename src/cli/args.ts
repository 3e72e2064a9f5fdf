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

/** What `npm run <script>` prints for a usage error: the mistake, then where the usage is. */
export function usageMessage(script: string, error: UsageError): string {
  return `${error.message}\n\nRun \`npm run ${script} -- --help\` for usage.`;
}

/** Prints the usage error (`usageMessage`) to stderr and exits 2. */
export function exitWithUsage(script: string, error: UsageError): never {
  console.error(usageMessage(script, error));
  process.exit(2);
}

/** `parseOptions` for a script's top level: a usage error ends the process (`exitWithUsage`). */
export function optionsOrExit<const O extends Options>(script: string, argv: string[], options: O, allowNegative = false) {
  try {
    return parseOptions(argv, options, allowNegative);
  } catch (error) {
    if (error instanceof UsageError) exitWithUsage(script, error);
    throw error;
  }
}
