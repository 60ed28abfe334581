// The argument walk the subcommands share: `--name value` and `--name=value` alike, a value that is
// missing (or is the next option) or not one of those an option takes being a usage error of the
// subcommand's own kind.
export interface Argument {
  /** The argument as given. */
  arg: string;
  /** Its option name (before any `=`), or the whole argument. */
  name: string;
  /** The option's value: after `=`, else the next argument. */
  take(): string;
  /** The option's value, which must be one of `allowed`. */
  takeOneOf<T extends string>(allowed: readonly T[]): T;
}

/** The flow dialects `--dialect` takes. */
export const dialectChoices = ['auto', '4.1', '4.2'] as const;

/** `a`, `a or b`, `a, b or c`. */
function listed(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function forEachArgument(argv: readonly string[], usageError: (message: string) => Error, visit: (argument: Argument) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const take = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw usageError(`${name} needs a value`);
      return v;
    };
    const takeOneOf = <T extends string>(allowed: readonly T[]): T => {
      const v = take();
      if (!(allowed as readonly string[]).includes(v)) throw usageError(`${name} must be ${listed(allowed)}, not "${v}"`);
      return v as T;
    };
    visit({ arg, name, take, takeOneOf });
  }
}
