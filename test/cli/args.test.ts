/** The npm scripts' option parsing: strict, no positionals, every mistake a `UsageError` with a pointer to `--help`. */
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError, usageMessage } from '../../src/cli/args.ts';

const OPTIONS = {
  config: { type: 'string' },
  open: { type: 'boolean' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

describe('parseOptions', () => {
  it('reads long, short and --name=value forms, with defaults', () => {
    expect(parseOptions(['--config=a.yml', '-h'], OPTIONS)).toEqual({ config: 'a.yml', help: true, verbose: false });
    expect(parseOptions(['--config', 'b.yml', '--open'], OPTIONS)).toEqual({ config: 'b.yml', open: true, help: false, verbose: false });
  });

  it('an unknown option, a missing value or a positional is a UsageError naming it', () => {
    const error = (argv: string[]) => {
      try {
        parseOptions(argv, OPTIONS);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    for (const [argv, text] of [
      [['--nope'], "Unknown option '--nope'"],
      [['--config'], "Option '--config <value>' argument missing"],
      [['stray'], "Unexpected argument 'stray'"],
      [['--no-open'], "Unknown option '--no-open'"],
    ] as const) {
      const e = error([...argv]);
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).toContain(text);
    }
  });

  it('--no-NAME only where negatives are allowed', () => {
    expect(parseOptions(['--no-open'], OPTIONS, true).open).toBe(false);
  });
});

describe('usageMessage', () => {
  it('the mistake, then the script\u2019s --help', () => {
    expect(usageMessage('dev', new UsageError("Unknown option '--nope'"))).toBe(
      "Unknown option '--nope'\n\nRun `npm run dev -- --help` for usage.",
    );
  });
});
