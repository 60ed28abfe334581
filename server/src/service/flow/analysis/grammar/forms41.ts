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

const unitChoice = '${2|seconds,minutes,hours,days|}';

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
  form('send', 'reaction', interactionArgs, '(send <integration> <message> {<params>} <options>*)', "Send one message through an integration's endpoint.", 'send ${1:integration} ${2:message} {$3}', {
    interaction: interactionVerbs.get('send'),
    options: ['retries', 'within', 'template', 'success', 'failure'],
    topLevelSide: 'then',
    counterpart: { names: ['perform', 'create'] },
  }),
  form('await', 'reaction', interactionArgs, '(await <integration> <message> {<params>} (if <pred> (success ...) (failure ...)) (within n unit))', 'Poll a message until the predicate holds.', 'await ${1:integration} ${2:message} {$3}\n  (if ${4:pred} (success $5) (failure $6))\n  (within ${7:1} ${8:minutes})', {
    interaction: interactionVerbs.get('await'),
    options: ['if', 'within', 'retries', 'template', 'success', 'failure'],
    topLevelSide: 'then',
  }),
  form('seq', 'reaction', [arg('reaction', 'member', { repeat: '*' })], '(seq <member>* <options>*)', 'Run the members in order; fails at the first failure.', 'seq\n  $1', { body: 0,
    options: ['retries', 'within', 'success', 'failure'],
    optionsAmong: true,
    topLevelSide: 'then',
    counterpart: { names: ['do'], when: (list) => !patternsOnly(list) },
  }),
  form('par', 'reaction', [arg('reaction', 'member', { repeat: '*' })], '(par <member>* <options>*)', 'Run the members in parallel.', 'par\n  $1', { body: 0,
    options: ['retries', 'within', 'success', 'failure'],
    optionsAmong: true,
    topLevelSide: 'then',
    counterpart: { names: ['do'], when: onlyInteractions },
  }),
  form('if', 'reaction', [arg('predicate', 'pred')], '(if <pred> (success <then>) (failure <then>))', 'Branch on a predicate.', 'if ${1:pred}\n  (success $2)\n  (failure $3)', { body: 1,
    options: ['success', 'failure'],
    arity: [1, 3],
    topLevelSide: 'then',
  }),
  form('delay', 'reaction', [arg('number', 'n'), arg('unit', 'unit')], '(delay <n> <unit>)', 'Wait for a duration.', `delay \${1:5} ${unitChoice}`, { topLevelSide: 'then' }),
  form('set', 'reaction', [arg('name', 'name'), arg('value', 'value')], '(set <name> <value>)', 'Define a reaction variable.', 'set ${1:name} $2', { topLevelSide: 'then' }),
  form('event', 'reaction', [arg('params', 'params')], '(event {<params>} <options>*)', 'Emit a new event.', 'event {$1}', {
    options: ['retries', 'within', 'success', 'failure'],
  }),
  form('expect', 'reaction', [arg('predicate', 'pred', { response: true })], '(expect <pred> (within n unit) (success ...) (failure ...))', 'Wait for a matching event.', `expect \${1:pred}\n  (within \${2:1} \${3|seconds,minutes,hours,days|})\n  (success $4)\n  (failure $5)`, { body: 1,
    options: ['within', 'success', 'failure'],
    topLevelSide: 'then',
  }),

  form('retries', 'option', [arg('number', 'n')], '(retries <n>)', 'Retry this many times on failure.', 'retries ${1:2}'),
  form('within', 'option', [arg('number', 'n'), arg('unit', 'unit')], '(within <n> <unit>)', 'Give up after this duration.', `within \${1:1} ${unitChoice}`, { counterpart: { names: ['timeout'] } }),
  form('template', 'option', [arg('params', 'params')], '(template {<params>})', 'Params rendered from a message template; they count as provided.', 'template {$1}'),
  form('success', 'option', [arg('reaction', 'then', { repeat: '*' })], '(success <then>)', 'Run on success; `$response` values are visible in here.', 'success $1', { body: 0, responseOfOwner: true }),
  form('failure', 'option', [arg('reaction', 'then', { repeat: '*' })], '(failure <then>)', 'Run on failure.', 'failure $1', { body: 0,
    counterpart: { names: ['catch'], when: ownedByInteraction },
  }),
  form('if', 'option', [arg('predicate', 'pred')], '(if <pred> (success ...) (failure ...))', 'The condition an `await` polls for, with its branches.', 'if ${1:pred}\n  (success $2)\n  (failure $3)', { body: 1,
    options: ['success', 'failure'],
    arity: [1, 3],
  }),

  form('when', 'when', [arg('when', 'pattern')], '(when <pattern>)', 'Optional wrapper of an event pattern.', 'when $1', { topLevelSide: 'when' }),
  form('event', 'when', [arg('predicate', 'pred', { repeat: '*' })], '(event <pred>*)', 'Match an event whose fields satisfy the predicates.', 'event (= ${1:field} ${2:value})', {
    topLevelSide: 'when',
    otherDialect: eventWithMap,
  }),
  form('within', 'when', [arg('number', 'n'), arg('unit', 'unit'), arg('when', 'pattern')], '(within <n> <unit> <pattern>)', 'Match the pattern within a time window.', `within \${1:1} ${unitChoice} $3`, { topLevelSide: 'when', body: 2 }),
  form('count', 'when', [arg('number', 'n'), arg('when', 'pattern')], '(count <n> <pattern>)', 'Match when the pattern occurs n times.', 'count ${1:2} $2', { body: 1,
    topLevelSide: 'when',
    counterpart: { names: ['times'] },
  }),
  form('seq', 'when', [arg('when', 'pattern', { repeat: '+' })], '(seq <pattern>*)', 'Match the patterns in this order.', 'seq $1', { counterpart: { names: ['sequence'], when: patternsOnly } }),
  form('all', 'when', [arg('when', 'pattern', { repeat: '+' })], '(all <pattern>*)', 'Match when every pattern has matched.', 'all $1', { topLevelSide: 'when', counterpart: { names: ['and'] } }),
  form('allOf', 'when', [arg('when', 'pattern', { repeat: '+' })], '(allOf <pattern>*)', 'Older spelling of `all`.', 'allOf $1', { topLevelSide: 'when', counterpart: { names: ['and'] } }),
  form('any', 'when', [arg('when', 'pattern', { repeat: '+' })], '(any <pattern>*)', 'Match when any pattern matches.', 'any $1', { topLevelSide: 'when', counterpart: { names: ['or'] } }),
  form('fail', 'when', [arg('when', 'pattern', { repeat: '+' })], '(fail <pattern>)', 'Match when the pattern fails to match.', 'fail $1', { topLevelSide: 'when' }),
  form('and', 'when', [arg('same', 'x', { repeat: '+' })], '(and <x>+)', 'All must hold.', 'and $1', { topLevelSide: 'when' }),
  form('or', 'when', [arg('same', 'x', { repeat: '+' })], '(or <x>+)', 'One must hold.', 'or $1', { topLevelSide: 'when' }),
  form('not', 'when', [arg('same', 'x')], '(not <x>)', 'Must not hold.', 'not $1', { topLevelSide: 'when' }),
  form('=', 'when', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(= <a> <b>)', 'Equal.', '= ${1:field} ${2:value}', { topLevelSide: 'when' }),
  form('>', 'when', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(> <a> <b>)', 'Greater than.', '> ${1:field} ${2:value}', { topLevelSide: 'when' }),
  form('<', 'when', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(< <a> <b>)', 'Less than.', '< ${1:field} ${2:value}', { topLevelSide: 'when' }),

  form('and', 'predicate', [arg('same', 'pred', { repeat: '+' })], '(and <pred>+)', 'All must hold.', 'and $1'),
  form('or', 'predicate', [arg('same', 'pred', { repeat: '+' })], '(or <pred>+)', 'One must hold.', 'or $1'),
  form('not', 'predicate', [arg('same', 'pred')], '(not <pred>)', 'Must not hold.', 'not $1'),
  form('=', 'predicate', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(= <a> <b>)', 'Equal.', '= ${1:a} ${2:b}'),
  form('>', 'predicate', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(> <a> <b>)', 'Greater than.', '> ${1:a} ${2:b}'),
  form('<', 'predicate', [arg('operand', 'a'), arg('operand', 'b', { repeat: '+' })], '(< <a> <b>)', 'Less than.', '< ${1:a} ${2:b}'),
];

/** 4.1 duration units: plural only. */
export const units41: readonly string[] = ['seconds', 'minutes', 'hours', 'days'];
