// The forms of the 4.2 flow language (flow-dsl-4.2.md): interactions, event collection, bindings
// and control, one signature each; and its functions (functions42.ts) as signatures, a predicate
// once more as an event criterion that leaves out its first argument.
import { interactionVerbs } from '../interactions';
import { ListNode } from '../../syntax/tree';
import { functions42, FunctionSpec } from './functions42';
import { ArgKind, ArgSpec, FormSignature, Place42 } from './signature';

const arg = (kind: ArgKind, label: string, more: Partial<ArgSpec> = {}): ArgSpec => ({ kind, label, ...more });

type Extra = Partial<Omit<FormSignature, 'name' | 'places' | 'args' | 'shape' | 'doc' | 'snippet' | 'dialect'>>;

const form = (name: string, places: Place42[], args: ArgSpec[], shape: string, doc: string, snippet: string, extra: Extra = {}): FormSignature => ({
  name,
  dialect: '4.2',
  places,
  args,
  shape,
  doc,
  snippet,
  ...extra,
});

const anywhere: Place42[] = ['action', 'expression'];
const body = (label = 'action') => arg('action', label, { repeat: '*' });

/** A 4.2 `event` whose argument is a list is 4.1's event pattern `(event (= field value))`. */
const eventWithPredicate = (list: ListNode) => (list.children[1]?.kind === 'list' ? '`event` with a predicate' : undefined);

const verbDocs: Record<string, string> = {
  fetch: 'Pause the pattern and wait for specific data to be sent into CxEngage; the result is a map.',
  perform: 'Perform an action through an endpoint; the result is a map.',
  create: 'Create something through an endpoint; the result is a map.',
  update: 'Update a record through an endpoint; the result is a map.',
  delete: 'Delete a record through an endpoint; the result is a map.',
};

const interaction = (name: string): FormSignature =>
  form(
    name,
    anywhere,
    [arg('integration', 'integration'), arg('message', 'message'), arg('fields', 'params', { optional: true })],
    `(${name} <integration> <message> {<params>}? <options>*)`,
    `${verbDocs[name]} Without a params map, every mandatory field is missing. Unbound interactions run in parallel, bound ones (in \`let\`, \`if-let\`, \`when-let\`) in order.`,
    `${name} $0`,
    { interaction: interactionVerbs.get(name), options: ['retries', 'timeout', 'catch'], counterpart: { names: ['send'] } },
  );

export const forms42: readonly FormSignature[] = [
  ...['fetch', 'perform', 'create', 'update', 'delete'].map(interaction),

  form('def', ['action'], [arg('name', 'name'), arg('expression', 'value')], '(def <name> <value>)', 'A global variable, visible after this form everywhere.', 'def $0', { binds: 'def', body: 1 }),
  form('set', anywhere, [arg('name', 'name'), arg('expression', 'value')], '(set <name> <value>)', 'Change a global variable.', 'set $0'),
  form('let', anywhere, [arg('bindings', '[name value ...]'), body()], '(let [<name> <value> ...] <action>*)', 'Local variables, visible in the body (and in the later bindings) only.', 'let [$1]\n  $0', { binds: 'let', body: 1 }),
  form('if-let', anywhere, [arg('binding', '[name value]'), arg('action', 'then'), arg('action', 'else', { optional: true })], '(if-let [<name> <value>] <then> <else>?)', 'When the value is truthy, bind it and run the then branch (the name is visible there only); else run the else branch.', 'if-let [$1]\n  $2\n  $0', { binds: 'if-let', body: 1 }),
  form('when-let', anywhere, [arg('binding', '[name value]'), body()], '(when-let [<name> <value>] <action>*)', 'When the value is truthy, bind it and run the body.', 'when-let [$1]\n  $0', { binds: 'when-let', body: 1 }),
  form('if', anywhere, [arg('expression', 'pred'), arg('action', 'then'), arg('action', 'else', { optional: true })], '(if <pred> <then> <else>?)', 'Branch on a predicate: one form per branch (use `do` for several).', 'if $1\n  $2\n  $0', { body: 1 }),
  form('when', anywhere, [arg('expression', 'pred'), body()], '(when <pred> <action>*)', 'Run the actions when the predicate holds.', 'when $1\n  $0', { body: 1 }),
  form('unless', ['action'], [arg('expression', 'pred'), body()], '(unless <pred> <action>*)', 'Run the actions one by one, checking the predicate between them; stop when it holds.', 'unless $1\n  $0', { body: 1 }),
  form('cond', anywhere, [arg('action', 'default', { repeat: '*', pair: ['expression', 'action'] })], '(cond <pred> <action> ... <default>?)', 'Run the action of the first predicate that holds; a last lone action is the default.', 'cond\n  $0', { body: 0 }),
  form('case', anywhere, [arg('expression', 'value'), arg('action', 'default', { repeat: '*', pair: ['constant', 'action'] })], '(case <value> <constant> <action> ... <default>?)', 'Run the action of the constant equal to the value; a last lone action is the default.', 'case $1\n  $0', { body: 1 }),
  form('do', anywhere, [body()], '(do <action>*)', 'Run the actions in order.', 'do\n  $0', { counterpart: { names: ['seq'] }, body: 0 }),
  form('delay', ['action'], [arg('number', 'n'), arg('unit', 'unit')], '(delay <n> <unit>)', 'Wait for a duration.', 'delay $0'),
  form('until', ['action'], [arg('condition', 'until'), body()], '(until <predicate-or-collection> <action>*)', 'Repeat the actions until the predicate holds or the event arrives.', 'until $1\n  $0', { body: 1 }),

  form('event', ['action', 'collection'], [arg('criteria', '{field criterion ...}')], '(event {<field> <criterion> ...})', 'Collect one event that meets every criterion: a constant (equal), a set (one of), or a predicate without its first argument (`(> 50000)`).', 'event {$0}', { otherDialect: eventWithPredicate }),
  form('and', ['action', 'collection', 'criterion'], [arg('same', 'x', { repeat: '+' })], '(and <x>+)', 'Events: every collection, in any order. Criteria: every one holds.', 'and $0'),
  form('or', ['action', 'collection', 'criterion'], [arg('same', 'x', { repeat: '+' })], '(or <x>+)', 'Events: any one collection. Criteria: any one holds.', 'or $0'),
  form('not', ['criterion'], [arg('same', 'criterion')], '(not <criterion>)', 'The criterion does not hold: `(not "x")` is any value but `"x"`.', 'not $0'),
  form('sequence', ['action', 'collection'], [arg('collection', 'collection', { repeat: '+' })], '(sequence <collection>+)', 'Collect the events in this order.', 'sequence\n  $0', { counterpart: { names: ['seq'] }, body: 0 }),
  form('times', ['action', 'collection'], [arg('number', 'n'), arg('same', 'body')], '(times <n> <collection-or-action>)', 'Collect n matching events; on the action side, repeat the action n times.', 'times $0', { counterpart: { names: ['count'] }, body: 1 }),
  form('within', ['action', 'collection'], [arg('number', 'n'), arg('unit', 'unit'), arg('collection', 'collection')], '(within <n> <unit> <collection>)', 'Collect all of it inside the time window.', 'within $0', { body: 2 }),

  form('template', ['expression'], [arg('template', 'template')], '(template +TM1) or (template "text {{name}}")', 'A stored template, or an inline mustache string over variables and event fields.', 'template $0'),

  form('retries', ['option'], [arg('number', 'n')], '(retries <n>)', 'Attempt the interaction this many times.', 'retries $0'),
  form('timeout', ['option'], [arg('number', 'n'), arg('unit', 'unit')], '(timeout <n> <unit>)', 'How long to wait for the interaction to complete.', 'timeout $0', { counterpart: { names: ['within'] } }),
  form('catch', ['option'], [body()], '(catch <action>*)', "Run these actions when the interaction fails.", 'catch\n  $0', { counterpart: { names: ['failure'] }, body: 0 }),

  ...functions42.flatMap(functionSignatures),
];

/** 4.2 duration units: singular and plural. */
export const units42: readonly string[] = ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days'];

/** Reads `<x> <y>*` into argument specs. */
function functionArgs(spec: FunctionSpec): ArgSpec[] {
  return spec.args.split(' ').map((token) => {
    const m = /^<([^:>]+)(?::([a-z]+))?>([?*+]?)$/.exec(token);
    if (m === null) throw new Error(`bad function argument ${token} of ${spec.name}`);
    const kind = (m[2] ?? 'expression') as ArgKind;
    const mark = m[3];
    return arg(kind, m[1], mark === '?' ? { optional: true } : mark === '*' || mark === '+' ? { repeat: mark } : {});
  });
}

function shapeOf(name: string, args: readonly ArgSpec[]): string {
  const parts = args.map((a) => `<${a.label}>${a.optional ? '?' : (a.repeat ?? '')}`);
  return `(${[name, ...parts].join(' ')})`;
}

/** A function's snippet: its name, then the cursor where its first argument goes (if it takes one). */
function snippetOf(name: string, args: readonly ArgSpec[]): string {
  return args.some((a) => !a.optional && a.repeat !== '*') ? `${name} $0` : name;
}

/**
 * A function as a signature standing in expressions; a predicate also as an event criterion,
 * which leaves out its first argument (`(> 50000)`: the event's value is greater). `and`, `or`
 * and `not` are criteria of their own (forms above): they combine criteria.
 */
function functionSignatures(spec: FunctionSpec): FormSignature[] {
  const args = functionArgs(spec);
  const expression = form(spec.name, ['expression'], args, shapeOf(spec.name, args), spec.doc, snippetOf(spec.name, args), { function: spec.kind });
  if (spec.kind !== 'predicate' || ['and', 'or', 'not'].includes(spec.name)) return [expression];
  const rest = withoutFirst(args);
  const criterion = form(
    spec.name,
    ['criterion'],
    rest,
    shapeOf(spec.name, rest),
    `${spec.doc} As an event criterion, the event's value is its first argument: \`${shapeOf(spec.name, rest)}\`.`,
    snippetOf(spec.name, rest),
    { function: spec.kind },
  );
  return [expression, criterion];
}

/** The arguments after the first; a repeated first argument stays, as one fewer may be none. */
function withoutFirst(args: readonly ArgSpec[]): ArgSpec[] {
  const [first, ...rest] = args;
  if (first === undefined) return [];
  if (first.repeat === '+') return [{ ...first, repeat: '*' }, ...rest];
  if (first.repeat === '*' || first.optional) return [...args];
  return rest;
}
