// The forms of the flow language: where each may stand, its shape and a one-line description.
// The analyser checks against this table; completion and hover present it.

/**
 * Where a list form stands:
 * - `reaction`: a then-side member (top of `then`, inside `seq`/`par`/`success`/`failure`);
 * - `option`: after the params map of `send`/`await`, or after the members of `seq`/`par`
 *   (see `optionsOf` for which options each form takes);
 * - `when`: the when side (event patterns);
 * - `predicate`: the condition of `if`/`expect`, the arguments of `event` on the when side.
 */
export type FormPosition = 'reaction' | 'option' | 'when' | 'predicate';

export interface FormInfo {
  name: string;
  position: FormPosition;
  /** The shape as the documentation writes it, e.g. `(delay <n> <unit>)`. */
  shape: string;
  description: string;
  /**
   * A snippet body (LSP snippet syntax) for completion. No placeholder text (typing `(` over one
   * would wrap it in brackets), and a tab stop is followed only by a line break, a closing bracket
   * or the end: the space a user types after a value must not land before text the snippet wrote.
   */
  snippet: string;
}

const form = (name: string, position: FormPosition, shape: string, description: string, snippet: string): FormInfo => ({
  name,
  position,
  shape,
  description,
  snippet,
});

export const forms: readonly FormInfo[] = [
  form('send', 'reaction', '(send <integration> <message> {<params>} <options>*)', "Send one message through an integration's endpoint.", 'send $0'),
  form('await', 'reaction', '(await <integration> <message> {<params>} (if <pred> (success ...) (failure ...)) (within n unit))', 'Poll a message until the predicate holds.', 'await $1\n  (if $2\n    (success $3)\n    (failure $4))\n  (within $0)'),
  form('seq', 'reaction', '(seq <member>* <options>*)', 'Run the members in order; fails at the first failure.', 'seq\n  $0'),
  form('par', 'reaction', '(par <member>* <options>*)', 'Run the members in parallel.', 'par\n  $0'),
  form('if', 'reaction', '(if <pred> (success <then>) (failure <then>))', 'Branch on a predicate.', 'if $1\n  (success $2)\n  (failure $0)'),
  form('delay', 'reaction', '(delay <n> <unit>)', 'Wait for a duration.', 'delay $0'),
  form('set', 'reaction', '(set <name> <value>)', 'Define a reaction variable.', 'set $0'),
  form('event', 'reaction', '(event {<params>} <options>*)', 'Emit a new event.', 'event {$0}'),
  form('expect', 'reaction', '(expect <pred> (within n unit) (success ...) (failure ...))', 'Wait for a matching event.', 'expect $1\n  (within $2)\n  (success $3)\n  (failure $0)'),

  form('retries', 'option', '(retries <n>)', 'Retry this many times on failure.', 'retries $0'),
  form('within', 'option', '(within <n> <unit>)', 'Give up after this duration.', 'within $0'),
  form('template', 'option', '(template {<params>})', 'Params rendered from a message template; they count as provided.', 'template {$0}'),
  form('success', 'option', '(success <then>)', 'Run on success; `$response` values are visible in here.', 'success $0'),
  form('failure', 'option', '(failure <then>)', 'Run on failure.', 'failure $0'),
  form('if', 'option', '(if <pred> (success ...) (failure ...))', 'The condition an `await` polls for, with its branches.', 'if $1\n  (success $2)\n  (failure $0)'),

  form('when', 'when', '(when <pattern>)', 'Optional wrapper of an event pattern.', 'when $0'),
  form('event', 'when', '(event <pred>*)', 'Match an event whose fields satisfy the predicates.', 'event ($0)'),
  form('within', 'when', '(within <n> <unit> <pattern>)', 'Match the pattern within a time window.', 'within $0'),
  form('count', 'when', '(count <n> <pattern>)', 'Match when the pattern occurs n times.', 'count $0'),
  form('seq', 'when', '(seq <pattern>*)', 'Match the patterns in this order.', 'seq $0'),
  form('all', 'when', '(all <pattern>*)', 'Match when every pattern has matched.', 'all $0'),
  form('allOf', 'when', '(allOf <pattern>*)', 'Older spelling of `all`.', 'allOf $0'),
  form('any', 'when', '(any <pattern>*)', 'Match when any pattern matches.', 'any $0'),
  form('fail', 'when', '(fail <pattern>)', 'Match when the pattern fails to match.', 'fail $0'),
  form('and', 'when', '(and <x>+)', 'All must hold.', 'and $0'),
  form('or', 'when', '(or <x>+)', 'One must hold.', 'or $0'),
  form('not', 'when', '(not <x>)', 'Must not hold.', 'not $0'),
  form('=', 'when', '(= <a> <b>)', 'Equal.', '= $0'),
  form('>', 'when', '(> <a> <b>)', 'Greater than.', '> $0'),
  form('<', 'when', '(< <a> <b>)', 'Less than.', '< $0'),

  form('and', 'predicate', '(and <pred>+)', 'All must hold.', 'and $0'),
  form('or', 'predicate', '(or <pred>+)', 'One must hold.', 'or $0'),
  form('not', 'predicate', '(not <pred>)', 'Must not hold.', 'not $0'),
  form('=', 'predicate', '(= <a> <b>)', 'Equal.', '= $0'),
  form('>', 'predicate', '(> <a> <b>)', 'Greater than.', '> $0'),
  form('<', 'predicate', '(< <a> <b>)', 'Less than.', '< $0'),
];

export const units: readonly string[] = ['seconds', 'minutes', 'hours', 'days'];

/** The forms that may stand in a position. */
export function formsIn(position: FormPosition): FormInfo[] {
  return forms.filter((f) => f.position === position);
}

/** The form `name` in `position`, if the language has it there. */
export function formInfo(name: string, position: FormPosition): FormInfo | undefined {
  return forms.find((f) => f.name === name && f.position === position);
}

/** Every form named `name`, in any position (for hover on an operator whose position is unclear). */
export function formsNamed(name: string): FormInfo[] {
  return forms.filter((f) => f.name === name);
}

/** The options each form takes after its required arguments. */
const optionsByOwner: Record<string, readonly string[]> = {
  send: ['retries', 'within', 'template', 'success', 'failure'],
  await: ['if', 'within', 'retries', 'template', 'success', 'failure'],
  seq: ['retries', 'within', 'success', 'failure'],
  par: ['retries', 'within', 'success', 'failure'],
  event: ['retries', 'within', 'success', 'failure'],
  if: ['success', 'failure'],
  expect: ['within', 'success', 'failure'],
};

export function optionsOf(owner: string): readonly string[] {
  return optionsByOwner[owner] ?? [];
}

/** The option forms `owner` takes, in the order of `optionsOf`. */
export function optionForms(owner: string): FormInfo[] {
  const result: FormInfo[] = [];
  for (const name of optionsOf(owner)) {
    const info = formInfo(name, 'option');
    if (info !== undefined) result.push(info);
  }
  return result;
}

/** The forms of either side, once per name: for a top-level form nothing places on a side. */
export function formsOfEitherSide(): FormInfo[] {
  const seen = new Set<string>();
  return [...formsIn('reaction'), ...formsIn('when')].filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)));
}

/** Top-level operators that say which side a form without a `;; When`/`;; Then` marker is on. */
const thenOperators = new Set(['send', 'await', 'seq', 'par', 'if', 'delay', 'set', 'expect']);
const whenOperators = new Set(['when', 'event', 'within', 'count', 'all', 'any', 'allOf', 'fail', 'and', 'or', 'not', '=', '>', '<']);

export function sideOfOperator(op: string): 'when' | 'then' | undefined {
  if (thenOperators.has(op)) return 'then';
  if (whenOperators.has(op)) return 'when';
  return undefined;
}
