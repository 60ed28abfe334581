// The forms of the 4.1 flow language (flow-dsl.md): the then side's reactions and their options,
// the when side's event patterns and the predicates, one signature each.
import { interactionVerbOf, interactionVerbs } from '../interactions';
import { ListNode, operatorOf } from '../../syntax/tree';
import { ArgKind, ArgSpec, FormSignature, Place41 } from './signature';

const arg = (kind: ArgKind, label: string, more: Partial<ArgSpec> = {}): ArgSpec => ({ kind, label, ...more });

type Extra = Partial<Omit<FormSignature, 'name' | 'places' | 'args' | 'shape' | 'doc' | 'snippet' | 'dialect'>>;

const form = (name: string, place: Place41, args: ArgSpec[], shape: string, doc: string, snippet: string, extra: Extra = {}): FormSignature => ({
  name,
  dialect: '4.1',
  places: [place],
  args,
  shape,
  doc,
  snippet,
  ...extra,
});

const interactionArgs = [arg('integration', 'integration'), arg('message', 'message'), arg('fields', 'params')];

/** Whether an option belongs to an interaction (`failure` → `catch`, an option of 4.2's verbs only). */
const ownedByInteraction = (list: ListNode) => list.parent !== undefined && interactionVerbOf(list.parent) !== undefined;

/** `par` is `do` in 4.2 when every member is an interaction (4.2 runs unbound ones in parallel) and it has no options. */
const onlyInteractions = (list: ListNode) => list.children.slice(1).every((c) => c.kind === 'list' && (operatorOf(c) === 'send' || operatorOf(c) === 'await'));

/** Whether every member of a list is an event pattern (a when-side `seq` is 4.2's `sequence`, a then-side one its `do`). */
const patternsOnly = (list: ListNode) => {
  const members = list.children.slice(1);
  return members.length > 0 && members.every((m) => forms41.some((f) => f.name === operatorOf(m) && f.places.includes('when')));
};

/** A when-side `event` with a map is 4.2's event collection. */
const eventWithMap = (list: ListNode) => (list.children[1]?.kind === 'map' ? '`event` with a map' : undefined);

export const forms41: readonly FormSignature[] = [
  form('send', 'reaction', interactionArgs, '(send <integration> <message> {<params>} <options>*)', "Send one message through an integration's endpoint.", 'send $0', {
    interaction: interactionVerbs.get('send'),
    options: ['retries', 'within', 'template', 'success', 'failure'],
    topLevelSide: 'then',
    counterpart: { names: ['perform', 'create'] },
  }),
  form('await', 'reaction', interactionArgs, '(await <integration> <message> {<params>} (if <pred> (success ...) (failure ...)) (within n unit))', 'Poll a message until the predicate holds.', 'await $1\n  (if $2\n    (success $3)\n    (failure $4))\n  (within $0)', {
    interaction: interactionVerbs.get('await'),
    options: ['if', 'within', 'retries', 'template', 'success', 'failure'],
    topLevelSide: 'then',
  }),
  form('seq', 'reaction', [arg('reaction', 'member', { repeat: '*' })], '(seq <member>* <options>*)', 'Run the members in order; fails at the first failure.', 'seq\n  $0', { body: 0,
    options: ['retries', 'within', 'success', 'failure'],
    optionsAmong: true,
    topLevelSide: 'then',
    counterpart: { names: ['do'], when: (list) => !patternsOnly(list) },
  }),
  form('par', 'reaction', [arg('reaction', 'member', { repeat: '*' })], '(par <member>* <options>*)', 'Run the members in parallel.', 'par\n  $0', { body: 0,
    options: ['retries', 'within', 'success', 'failure'],
    optionsAmong: true,
    topLevelSide: 'then',
    counterpart: { names: ['do'], when: onlyInteractions },
  }),
  form('if', 'reaction', [arg('predicate', 'pred')], '(if <pred> (success <then>) (failure <then>))', 'Branch on a predicate.', 'if $1\n  (success $2)\n  (failure $0)', { body: 1,
    options: ['success', 'failure'],
    arity: [1, 3],
    topLevelSide: 'then',
  }),
  form('delay', 'reaction', [arg('number', 'n'), arg('unit', 'unit')], '(delay <n> <unit>)', 'Wait for a duration.', 'delay $0', { topLevelSide: 'then' }),
  form('set', 'reaction', [arg('name', 'name'), arg('value', 'value')], '(set <name> <value>)', 'Define a reaction variable.', 'set $0', { topLevelSide: 'then' }),
  form('event', 'reaction', [arg('params', 'params')], '(event {<params>} <options>*)', 'Emit a new event.', 'event {$0}', {
    options: ['retries', 'within', 'success', 'failure'],
  }),
  form('expect', 'reaction', [arg('predicate', 'pred', { response: true })], '(expect <pred> (within n unit) (success ...) (failure ...))', 'Wait for a matching event.', 'expect $1\n  (within $2)\n  (success $3)\n  (failure $0)', { body: 1,
    options: ['within', 'success', 'failure'],
    topLevelSide: 'then',
  }),

  form('retries', 'option', [arg('number', 'n')], '(retries <n>)', 'Retry this many times on failure.', 'retries $0'),
  form('within', 'option', [arg('number', 'n'), arg('unit', 'unit')], '(within <n> <unit>)', 'Give up after this duration.', 'within $0', { counterpart: { names: ['timeout'] } }),
  form('template', 'option', [arg('params', 'params')], '(template {<params>})', 'Params rendered from a message template; they count as provided.', 'template {$0}'),
  form('success', 'option', [arg('reaction', 'then', { repeat: '*' })], '(success <then>)', 'Run on success; `$response` values are visible in here.', 'success $0', { body: 0, responseOfOwner: true }),
  form('failure', 'option', [arg('reaction', 'then', { repeat: '*' })], '(failure <then>)', 'Run on failure.', 'failure $0', { body: 0,
    counterpart: { names: ['catch'], when: ownedByInteraction },
  }),
  form('if', 'option', [arg('predicate', 'pred')], '(if <pred> (success ...) (failure ...))', 'The condition an `await` polls for, with its branches.', 'if $1\n  (success $2)\n  (failure $0)', { body: 1,
    options: ['success', 'failure'],
    arity: [1, 3],
  }),

  form('when', 'when', [arg('when', 'pattern')], '(when <pattern>)', 'Optional wrapper of an event pattern.', 'when $0', { topLevelSide: 'when' }),
  form('event', 'when', [arg('predicate', 'pred', { repeat: '*' })], '(event <pred>*)', 'Match an event whose fields satisfy the predicates.', 'event ($0)', {
    topLevelSide: 'when',
    otherDialect: eventWithMap,
  }),
  form('within', 'when', [arg('number', 'n'), arg('unit', 'unit'), arg('when', 'pattern')], '(within <n> <unit> <pattern>)', 'Match the pattern within a time window.', 'within $0', { topLevelSide: 'when', body: 2 }),
  form('count', 'when', [arg('number', 'n'), arg('when', 'pattern')], '(count <n> <pattern>)', 'Match when the pattern occurs n times.', 'count $0', { body: 1,
    topLevelSide: 'when',
    counterpart: { names: ['times'] },
  }),
  form('seq', 'when', [arg('when', 'pattern', { repeat: '+' })], '(seq <pattern>*)', 'Match the patterns in this order.', 'seq $0', { counterpart: { names: ['sequence'], when: patternsOnly } }),
  form('all', 'when', [arg('when', 'pattern', { repeat: '+' })], '(all <pattern>*)', 'Match when every pattern has matched.', 'all $0', { topLevelSide: 'when', counterpart: { names: ['and'] } }),
  form('allOf', 'when', [arg('when', 'pattern', { repeat: '+' })], '(allOf <pattern>*)', 'Older spelling of `all`.', 'allOf $0', { topLevelSide: 'when', counterpart: { names: ['and'] }, deprecated: true }),
  form('any', 'when', [arg('when', 'pattern', { repeat: '+' })], '(any <pattern>*)', 'Match when any pattern matches.', 'any $0', { topLevelSide: 'when', counterpart: { names: ['or'] } }),
  form('fail', 'when', [arg('when', 'pattern', { repeat: '+' })], '(fail <pattern>)', 'Match when the pattern fails to match.', 'fail $0', { topLevelSide: 'when' }),
  form('and', 'when', [arg('same', 'x', { repeat: '+' })], '(and <x>+)', 'All must hold.', 'and $0', { topLevelSide: 'when' }),
  form('or', 'when', [arg('same', 'x', { repeat: '+' })], '(or <x>+)', 'One must hold.', 'or $0', { topLevelSide: 'when' }),
  form('not', 'when', [arg('same', 'x')], '(not <x>)', 'Must not hold.', 'not $0', { topLevelSide: 'when' }),
  form('=', 'when', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(= <a> <b>)', 'Equal.', '= $0', { topLevelSide: 'when' }),
  form('>', 'when', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(> <a> <b>)', 'Greater than.', '> $0', { topLevelSide: 'when' }),
  form('<', 'when', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(< <a> <b>)', 'Less than.', '< $0', { topLevelSide: 'when' }),

  form('and', 'predicate', [arg('same', 'pred', { repeat: '+' })], '(and <pred>+)', 'All must hold.', 'and $0'),
  form('or', 'predicate', [arg('same', 'pred', { repeat: '+' })], '(or <pred>+)', 'One must hold.', 'or $0'),
  form('not', 'predicate', [arg('same', 'pred')], '(not <pred>)', 'Must not hold.', 'not $0'),
  form('=', 'predicate', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(= <a> <b>)', 'Equal.', '= $0'),
  form('>', 'predicate', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(> <a> <b>)', 'Greater than.', '> $0'),
  form('<', 'predicate', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(< <a> <b>)', 'Less than.', '< $0'),
];

/** 4.1 duration units: plural only. */
export const units41: readonly string[] = ['seconds', 'minutes', 'hours', 'days'];
