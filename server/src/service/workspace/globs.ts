// Glob matching of folder-relative paths (`cxengage.definitions.include`/`exclude`), each glob
// compiled once per owner: a scan matches every file against the same few globs.
import type { Minimatch } from 'minimatch';

export class Globs {
  private compiled = new Map<string, Minimatch>();

  private matcher(glob: string): Minimatch {
    let m = this.compiled.get(glob);
    if (m === undefined) {
      // Loaded on first use: the server answers `initialize` before any glob is matched.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, for start-up time
      const { Minimatch: Matcher } = require('minimatch') as typeof import('minimatch');
      m = new Matcher(glob, { dot: true });
      this.compiled.set(glob, m);
    }
    return m;
  }

  /** Whether `relativePath` matches one of `globs`. */
  any(relativePath: string, globs: readonly string[]): boolean {
    return globs.some((g) => this.matcher(g).match(relativePath));
  }

  /** Whether `relativePath` matches an include glob and no exclude glob. */
  matches(relativePath: string, include: readonly string[], exclude: readonly string[]): boolean {
    return this.any(relativePath, include) && !this.any(relativePath, exclude);
  }
}
