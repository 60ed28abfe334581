// The forms of both dialects that have a body, and how many head arguments come before it: the
// formatter indents a body two spaces, as cljfmt's `:block` rule does, and aligns the other forms'
// arguments with their first one. A form added to either dialect with a body belongs here.

/**
 * Form name → the number of arguments before its body (cljfmt's block index): `(let [x 1]` has
 * one, `(within 30 days` two, `(seq` none. A name shared by the dialects has one entry that
 * fits both (`within`: the 4.1 window and option, the 4.2 window; `if`, `when`, `count`).
 */
export const bodyForms: Readonly<Record<string, number>> = {
  // 4.1: members and branches.
  seq: 0,
  par: 0,
  success: 0,
  failure: 0,
  if: 1,
  expect: 1,
  within: 2,
  count: 1,
  // 4.2: bindings and control.
  def: 1,
  let: 1,
  'when-let': 1,
  'if-let': 1,
  when: 1,
  unless: 1,
  until: 1,
  do: 0,
  cond: 0,
  case: 1,
  times: 1,
  sequence: 0,
  catch: 0,
};

/** The body's head-argument count of a form, or undefined for a call whose arguments align. */
export function bodyIndexOf(operator: string | undefined): number | undefined {
  if (operator === undefined || !Object.prototype.hasOwnProperty.call(bodyForms, operator)) return undefined;
  return bodyForms[operator];
}
