// The argument walk the subcommands share: `--name value` and `--name=value` alike, a value that is
// missing (or is the next option) being a usage error of the subcommand's own kind.
export interface Argument {
  /** The argument as given. */
  arg: string;
  /** Its option name (before any `=`), or the whole argument. */
  name: string;
  /** The option's value: after `=`, else the next argument. */
  take(): string;
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
    visit({ arg, name, take });
  }
}
