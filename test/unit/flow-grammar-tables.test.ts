// The grammar tables of both dialects: every form and function of the references is one signature
// with a shape, a doc and a snippet; options name option forms; argument layouts (pairs, optional
// params, options among members) and the places completion derives from them; a form added to a
// table is checked by the walker with nothing else to write; a grammar built from a small table of
// its own answers each question from it; and the references' samples read clean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../server/src/service/codes';
import { bodyForms } from '../../server/src/service/flow/analysis/bodyForms';
import { analyseForm } from '../../server/src/service/flow/analysis/analyser';
import { Grammar, grammar41, grammar42, Position } from '../../server/src/service/flow/analysis/grammar/grammar';
import { argumentAt, arityOf, layoutArguments } from '../../server/src/service/flow/analysis/grammar/layout';
import { FormSignature, PlaceRule } from '../../server/src/service/flow/analysis/grammar/signature';
import { interactionVerbs } from '../../server/src/service/flow/analysis/interactions';
import { FlowProblem } from '../../server/src/service/flow/analysis/problems';
import { Globals } from '../../server/src/service/flow/analysis/scope';
import { checkFlowDocument } from '../../server/src/service/flow/index';
import { readFlow as flowDocument } from '../support/service';
import { checkPatternDocument } from '../../server/src/service/flow/embedding/payloadChecks';
import { regionDialect } from '../../server/src/service/flow/analysis/dialect';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { ListNode } from '../../server/src/service/flow/syntax/tree';
import { compact, documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';

const root = join(__dirname, '..', '..', '..');

/** The first list of a text, read. */
function listOf(text: string): ListNode {
  const form = readFlow(text).forms[0];
  assert.equal(form?.kind, 'list');
  return form as ListNode;
}

describe('grammar tables', () => {
  it('every signature has a shape that starts with its name, a doc and a snippet', () => {
    for (const grammar of [grammar41, grammar42]) {
      for (const s of grammar.signatures) {
        assert.ok(s.shape.startsWith(`(${s.name}`), `${s.name}: ${s.shape}`);
        assert.ok(s.doc.length > 0 && s.snippet.startsWith(s.name), s.name);
        assert.ok(s.places.length > 0 && s.dialect === grammar.dialect, s.name);
        for (const option of s.options ?? []) assert.ok(grammar.named(option).some((o) => o.places.includes('option')), `${s.name} takes ${option}`);
      }
    }
  });

  it('has every form of flow-dsl.md (4.1) in its place', () => {
    const places: Record<string, string[]> = {
      reaction: ['send', 'await', 'seq', 'par', 'if', 'delay', 'set', 'event', 'expect'],
      option: ['retries', 'within', 'template', 'success', 'failure', 'if'],
      when: ['when', 'event', '=', '>', '<', 'not', 'and', 'or', 'within', 'seq', 'all', 'any', 'count', 'fail', 'allOf'],
      predicate: ['and', 'or', 'not', '=', '>', '<'],
    };
    for (const [place, names] of Object.entries(places)) {
      for (const name of names) assert.ok(grammar41.named(name).some((s) => s.places.includes(place as never)), `${name} in ${place}`);
    }
  });

  it('has every form and function of flow-dsl-4.2.md', () => {
    const forms = ['fetch', 'perform', 'create', 'update', 'delete', 'def', 'set', 'let', 'if-let', 'when-let', 'if', 'when', 'unless', 'cond', 'case', 'do', 'delay', 'event', 'and', 'or', 'sequence', 'times', 'within', 'until', 'retries', 'timeout', 'catch', 'template'];
    const functions = '+ - * / mod quot rem gcd lcm rand pow abs floor ceil sqrt inc dec sum min max avg stdev count all filter remove first last nth even? odd? zero? pos? neg? < <= > >= = not and or contains?'.split(' ');
    for (const name of forms) assert.ok(grammar42.has(name) && grammar42.named(name).some((s) => s.function === undefined), name);
    for (const name of functions) assert.ok(grammar42.isFunction(name), name);
  });

  it('a predicate is also an event criterion that leaves out its first argument', () => {
    const criterion = grammar42.lookup('>', 'criterion');
    assert.equal(criterion?.signature.shape, '(> <b>+)');
    assert.deepEqual(arityOf(criterion!.signature), [1, Infinity]);
    assert.equal(grammar42.lookup('contains?', 'criterion')?.signature.shape, '(contains? <x>)');
    assert.equal(grammar42.lookup('>', 'expression')?.signature.shape, '(> <a> <b>+)');
    // `and` combines criteria (a form), and computes in an expression (a function).
    assert.equal(grammar42.lookup('and', 'criterion')?.signature.function, undefined);
    assert.equal(grammar42.lookup('and', 'expression')?.signature.function, 'predicate');
  });

  it('arity comes from the argument specs, options included', () => {
    const arity = (grammar: Grammar, name: string) => arityOf(grammar.named(name)[0]);
    assert.deepEqual(arity(grammar41, 'delay'), [2, 2]);
    assert.deepEqual(arity(grammar41, 'if'), [1, 3]);
    assert.deepEqual(arity(grammar41, 'seq'), [0, Infinity]);
    assert.deepEqual(arity(grammar42, 'if-let'), [2, 3]);
    assert.deepEqual(arity(grammar42, 'let'), [1, Infinity]);
    assert.deepEqual(arity(grammar42, 'cond'), [0, Infinity]);
    assert.deepEqual(arity(grammar42, 'create'), [2, Infinity]);
  });

  it('lays out pairs with a default, an optional params map and options among members', () => {
    const cond = listOf('(cond p a q b d)');
    assert.deepEqual(layoutArguments(grammar42.named('cond')[0], cond.children).slice(1).map((u) => (u.at === 'argument' ? u.kind : u.at)), ['expression', 'action', 'expression', 'action', 'action']);
    const kases = listOf('(case x 1 a 2 b)');
    assert.deepEqual(layoutArguments(grammar42.named('case')[0], kases.children).slice(1).map((u) => (u.at === 'argument' ? u.kind : u.at)), ['expression', 'constant', 'action', 'constant', 'action']);
    const create = grammar42.named('create')[0];
    assert.deepEqual(layoutArguments(create, listOf('(create a b (retries 1))').children).slice(1).map((u) => (u.at === 'argument' ? u.kind : u.at)), ['integration', 'message', 'option']);
    assert.deepEqual(layoutArguments(create, listOf('(create a b {} (retries 1))').children).slice(1).map((u) => (u.at === 'argument' ? u.kind : u.at)), ['integration', 'message', 'fields', 'option']);
    const seq = listOf('(seq (delay 1 days) (retries 2) (send a b {}))');
    assert.deepEqual(layoutArguments(grammar41.named('seq')[0], seq.children).slice(1).map((u) => (u.at === 'argument' ? u.kind : u.at)), ['reaction', 'option', 'reaction']);
    assert.deepEqual(layoutArguments(grammar41.named('delay')[0], listOf('(delay 1 days 3)').children).slice(1).map((u) => u.at), ['argument', 'argument', 'extra']);
  });

  it('tells what a new argument would be, for completion and signature help', () => {
    const ifLet = grammar42.named('if-let')[0];
    const use = argumentAt(ifLet, listOf('(if-let [r x] (a))').children, 3);
    assert.ok(use.at === 'argument' && use.spec.label === 'else' && use.kind === 'action');
    assert.deepEqual(argumentAt(grammar41.named('send')[0], listOf('(send a b {})').children, 4), { at: 'option' });
    const unit = argumentAt(grammar41.named('delay')[0], listOf('(delay 1)').children, 2);
    assert.ok(unit.at === 'argument' && unit.kind === 'unit');
    assert.deepEqual(argumentAt(grammar41.named('delay')[0], listOf('(delay 1 days)').children, 3), { at: 'extra' });
  });

  it('offers the forms of a position in table order, once per name', () => {
    assert.deepEqual(grammar41.formsIn('reaction').map((f) => f.name), ['send', 'await', 'seq', 'par', 'if', 'delay', 'set', 'event', 'expect']);
    assert.deepEqual(grammar41.formsIn('value'), []);
    const collection = grammar42.formsIn('collection').map((f) => f.name);
    assert.deepEqual(collection, ['event', 'and', 'or', 'sequence', 'times', 'within']);
    const names = grammar42.formsIn('action').map((f) => f.name);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.includes('let') && names.includes('sum') && !names.includes('retries') && !names.includes('send'));
  });

  it('a form added to a table is one entry: the walker checks its shape and its arguments by kind', () => {
    const wait: FormSignature = {
      name: 'wait-for',
      dialect: '4.2',
      places: ['action'],
      args: [{ kind: 'number', label: 'n' }, { kind: 'unit', label: 'unit' }, { kind: 'action', label: 'then', repeat: '*' }],
      shape: '(wait-for <n> <unit> <action>*)',
      doc: 'Wait, then act.',
      snippet: 'wait-for ${1:1} ${2:minute}',
    };
    const extended = new Grammar('4.2', [...grammar42.signatures, wait], grammar42.units, 'units', rulesOf(grammar42), 'expression', 'action');
    const text = '(wait-for 5)\n(wait-for 1 fortnight (perform echo mesage {}) (delay 1 minute))';
    const doc = documentOf(text, 'flow');
    const region = flowDocument(doc).regions[0];
    const problems: FlowProblem[] = [];
    const globals = new Globals();
    for (const form of region.tree.forms) analyseForm(region, form, builtinContext(), (p) => problems.push(p), undefined, extended, globals);
    assert.deepEqual(
      problems.map((p) => [p.code, text.slice(p.start, p.end)]),
      [
        ['arity', 'wait-for'],
        ['unknown-unit', 'fortnight'],
        ['unknown-message', 'mesage'],
      ],
    );
    assert.equal(problems[0].message, messages.formShape('wait-for', '(wait-for <n> <unit> <action>*)'));
  });
});

describe('a grammar built from a table of its own', () => {
  const sig = (name: string, places: FormSignature['places'], more: Partial<FormSignature> = {}): FormSignature => ({
    name,
    dialect: '4.1',
    places,
    args: [],
    shape: `(${name})`,
    doc: name,
    snippet: name,
    ...more,
  });
  const ping = interactionVerbs.get('send');
  assert.ok(ping !== undefined);
  const retries = sig('retries', ['option']);
  const goOption = sig('go', ['option']);
  const go = sig('go', ['reaction'], { interaction: ping, options: ['retries', 'absent', 'go'] });
  const watchWhen = sig('watch', ['when'], { topLevelSide: 'when' });
  const watchThen = sig('watch', ['reaction', 'when'], { topLevelSide: 'then' });
  const plus = sig('plus', ['predicate'], { function: 'math' });
  const table = [retries, goOption, go, watchWhen, watchThen, plus];
  const rules = rulesOf(grammar41);
  const built = new Grammar('4.1', table, ['ticks'], 'ticks', { ...rules, value: { ...rules.value, completion: ['predicate', 'when'] } }, 'value', 'reaction');

  it('knows each name, its signatures in table order, and the functions', () => {
    assert.deepEqual(built.named('watch'), [watchWhen, watchThen]);
    assert.deepEqual(built.named('go'), [goOption, go]);
    assert.deepEqual(built.named('nothing'), []);
    assert.deepEqual([built.has('plus'), built.has('retries'), built.has('nothing')], [true, true, false]);
    assert.deepEqual([built.isFunction('plus'), built.isFunction('go')], [true, false]);
    assert.deepEqual([...built.functionNames()], ['plus']);
  });

  it('looks a name up by position: the first signature of a place, the first place of the rule', () => {
    assert.deepEqual(built.lookup('watch', 'when'), { signature: watchWhen, place: 'when' });
    assert.deepEqual(built.lookup('watch', 'reaction'), { signature: watchThen, place: 'reaction' });
    // `value` takes reactions before predicates.
    assert.deepEqual(built.lookup('watch', 'value'), { signature: watchThen, place: 'reaction' });
    assert.deepEqual(built.lookup('plus', 'value'), { signature: plus, place: 'predicate' });
    assert.equal(built.lookup('plus', 'reaction'), undefined);
    assert.deepEqual(built.candidateNames('reaction'), ['go', 'watch']);
    assert.deepEqual(built.candidateNames('top'), ['go', 'watch']);
  });

  it('offers the forms of a position from its completion places, else its candidates, once per name', () => {
    assert.deepEqual(built.formsIn('value'), [plus, watchWhen]);
    assert.deepEqual(built.formsIn('top'), [go, watchThen]);
    assert.deepEqual(built.formsIn('option'), [retries, goOption]);
    assert.deepEqual(built.formsIn('action'), []);
  });

  it('gives a form its options in the order it lists them, leaving out names that are no option', () => {
    assert.deepEqual(built.optionsOf(go), [retries, goOption]);
    assert.deepEqual(built.optionsOf(watchWhen), []);
    assert.deepEqual([built.option(go, 'retries'), built.option(go, 'absent'), built.option(watchWhen, 'retries')], [retries, undefined, undefined]);
    assert.deepEqual([built.isOption('retries'), built.isOption('go'), built.isOption('watch')], [true, true, false]);
  });

  it('has the interaction verbs of its table, and the first side a name gives a top-level form', () => {
    assert.equal(built.interactionSignature('go'), go);
    assert.equal(built.interactionSignature('watch'), undefined);
    assert.deepEqual([built.verb('go'), built.verb('watch')], [ping, undefined]);
    assert.deepEqual([...built.verbMap.keys()], ['go']);
    assert.deepEqual([built.sideOfOperator('watch'), built.sideOfOperator('go')], ['when', undefined]);
  });
});

/** The place rules of a grammar, for building one with an extra form. */
function rulesOf(grammar: Grammar): Record<Position, PlaceRule> {
  const positions: Position[] = ['reaction', 'option', 'when', 'predicate', 'action', 'collection', 'criterion', 'expression', 'value', 'condition', 'top'];
  return Object.fromEntries(positions.map((p) => [p, grammar.rule(p)])) as Record<Position, PlaceRule>;
}

describe('grammar tables: bodies for the formatter', () => {
  it('the forms with a body and the arguments before it, from both tables', () => {
    assert.deepEqual(Object.fromEntries(bodyForms), {
      seq: 0, par: 0, if: 1, expect: 1, success: 0, failure: 0, within: 2, count: 1,
      def: 1, let: 1, 'if-let': 1, 'when-let': 1, when: 1, unless: 1, cond: 0, case: 1, do: 0, until: 1, sequence: 0, times: 1, catch: 0,
    });
  });

  it('a name of both dialects has one count in both, as the formatter reads code of either', () => {
    for (const s41 of grammar41.signatures) {
      for (const s42 of grammar42.named(s41.name)) {
        if (s41.body !== undefined && s42.body !== undefined) assert.equal(s41.body, s42.body, s41.name);
      }
    }
    // Where one signature of a name has a body, the others of that dialect agree (4.1 `if` as a reaction and as an option).
    for (const grammar of [grammar41, grammar42]) {
      for (const s of grammar.signatures) {
        if (s.body !== undefined) for (const other of grammar.named(s.name)) assert.ok(other.body === undefined || other.body === s.body, s.name);
      }
    }
  });
});

describe("the references' samples", () => {
  const folder = join(root, 'test', 'fixtures', 'spec-samples');
  const ctx = builtinContext();

  for (const file of readdirSync(folder)) {
    it(`${file} (copied from ${file.replace(/-sample-\d.*$/, '.md')}) reads clean, in its dialect`, async () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const pattern = file.endsWith('.pattern.json');
      const doc = documentOf(text, pattern ? 'pattern' : 'flow');
      const diagnostics = pattern ? (await checkPatternDocument(flowDocument(doc), ctx)).diagnostics : checkFlowDocument(flowDocument(doc), ctx);
      assert.deepEqual(compact(diagnostics), []);
      const expected = file.startsWith('flow-dsl-4.2') ? '4.2' : '4.1';
      for (const region of flowDocument(doc).regions) assert.equal(regionDialect(region, 'auto').version, expected);
    });
  }
});
