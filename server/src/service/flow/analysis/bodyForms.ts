// The forms of both dialects that have a body, and how many head arguments come before it, read
// from the two grammar tables (a signature's `body`): the formatter indents a body two spaces, as
// cljfmt's `:block` rule does, and aligns the other forms' arguments with their first one.
import { grammar41, grammar42 } from './grammar/grammar';

/**
 * Form name → the number of arguments before its body. The formatter reads code of either
 * dialect, so a name shared by the dialects must have one count that fits both (`within`, `if`;
 * a test holds the tables to that).
 */
export const bodyForms: ReadonlyMap<string, number> = (() => {
  const forms = new Map<string, number>();
  for (const grammar of [grammar41, grammar42]) {
    for (const signature of grammar.signatures) {
      if (signature.body !== undefined && !forms.has(signature.name)) forms.set(signature.name, signature.body);
    }
  }
  return forms;
})();

/** The body's head-argument count of a form, or undefined for a call whose arguments align. */
export function bodyIndexOf(operator: string | undefined): number | undefined {
  return operator === undefined ? undefined : bodyForms.get(operator);
}
