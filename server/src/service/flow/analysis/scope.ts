// The variables in scope in 4.2 code. Locals (`let`, `if-let`, `when-let`) are an immutable linked
// list that each work item of the analyser carries: a binding form adds to it for its body, and
// the list is shared, never copied. Globals (`def`) are visible after their form, everywhere.
import { BindingRule } from './grammar/signature';
import { SymbolNode } from '../syntax/tree';

export interface Binding {
  name: string;
  node: SymbolNode;
  rule: BindingRule;
  next: Scope;
}

/** The innermost binding first; undefined: no locals. */
export type Scope = Binding | undefined;

export function bind(scope: Scope, node: SymbolNode, rule: BindingRule): Scope {
  return { name: node.name, node, rule, next: scope };
}

export function lookupLocal(scope: Scope, name: string): Binding | undefined {
  for (let b = scope; b !== undefined; b = b.next) if (b.name === name) return b;
  return undefined;
}

/** The distinct names in scope, innermost first (for did-you-mean). */
export function localNames(scope: Scope): string[] {
  const names = new Set<string>();
  for (let b = scope; b !== undefined; b = b.next) names.add(b.name);
  return [...names];
}

/**
 * The globals defined before a top-level form, and those its own walk defines as it goes. The
 * defined-before names come from the forms before it (each form's analysis lists what it
 * defines); `count` and `hash` change whenever they do, so a form's cached analysis can tell it is stale.
 */
export class Globals {
  private readonly names = new Set<string>();
  /**
   * Together, `count` and the two hashes identify the names defined so far (and their order): equal
   * triples mean the same globals. Numbers, not a string key: they are compared for every form.
   * Two independent 32-bit hashes (a 31-polynomial and FNV-1a), because one alone makes everyday
   * names collide (`Aa` and `BB` share their 31-polynomial hash), and a collision would reuse a
   * form's analysis made for other globals.
   */
  private namesHash = 0;
  private namesHash2 = 0x811c9dc5;
  private namesCount = 0;

  get hash(): number {
    return this.namesHash;
  }

  get hash2(): number {
    return this.namesHash2;
  }

  get count(): number {
    return this.namesCount;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  all(): Iterable<string> {
    return this.names;
  }

  define(name: string): void {
    this.names.add(name);
    this.namesCount++;
    let hash = this.namesHash;
    let hash2 = this.namesHash2;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      hash = (Math.imul(hash, 31) + code) | 0;
      hash2 = Math.imul(hash2 ^ code, 0x01000193);
    }
    // A separator, so that `ab` then `c` differs from `a` then `bc`.
    this.namesHash = (Math.imul(hash, 31) + 59) | 0;
    this.namesHash2 = Math.imul(hash2 ^ 59, 0x01000193);
  }
}
