// The dialect of flow code: how it is decided (directive, setting, payload key, forms, default),
// the wrong-dialect diagnostic in both directions with the reason and exact ranges, its quick
// fixes, and the dialect's effect on cached analyses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { decideDialect, DialectSetting, regionDialect } from '../../server/src/service/flow/analysis/dialect';
import { dialectOnly } from '../../server/src/service/flow/analysis/grammar/grammar';
import { checkFlowDocument } from '../../server/src/service/flow/index';
import { flowCodeActions } from '../../server/src/service/flow/editing/features';
import { checkPatternDocument } from '../../server/src/service/flow/embedding/payloadChecks';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { applyAction, builtinContext } from '../support/flowContext';
import { openAndCheck, openDocumentsService, readFlow as flowDocument } from '../support/service';
import { defaultSettings } from '../../server/src/service/settings';

const contexts = { auto: builtinContext('auto'), '4.1': builtinContext('4.1'), '4.2': builtinContext('4.2') };

function diagnose(text: string, setting: DialectSetting = 'auto') {
  const doc = documentOf(text, 'flow');
  return { doc, diagnostics: checkFlowDocument(flowDocument(doc), contexts[setting]) };
}

function dialectOf(text: string, setting: DialectSetting = 'auto', payloadKey?: 'code' | 'when' | 'then') {
  return decideDialect(readFlow(text), setting, payloadKey);
}

describe('flow dialect: how it is decided', () => {
  it('a first-line directive decides, over the setting; `auto` there defers to the forms', () => {
    assert.deepEqual(dialectOf('; cxengage-dialect: 4.1\n(let [x 1] x)', '4.2'), { version: '4.1', reason: { kind: 'directive', start: 0, end: 23 } });
    assert.deepEqual(dialectOf('  ;; cxengage-dialect: 4.2\n(send echo message {})', '4.1').version, '4.2');
    assert.equal(dialectOf('; cxengage-dialect: auto\n(send echo message {})', '4.2').version, '4.1');
    // Only on the first line, and only as its first thing.
    assert.equal(dialectOf('\n; cxengage-dialect: 4.1\n(delay 1 days)').version, '4.2');
    assert.equal(dialectOf('(delay 1 days) ; cxengage-dialect: 4.1').version, '4.2');
    assert.equal(dialectOf('; cxengage-dialect: 4.3\n(delay 1 days)').reason.kind, 'default');
  });

  it('the setting decides where no directive does, over the payload key and the forms', () => {
    assert.deepEqual(dialectOf('(send echo message {})', '4.2'), { version: '4.2', reason: { kind: 'setting' } });
    assert.deepEqual(dialectOf('(create echo message {})', '4.1', 'code'), { version: '4.1', reason: { kind: 'setting' } });
  });

  it('in auto, the payload key decides: code is 4.2, when and then 4.1', () => {
    assert.deepEqual(dialectOf('(send echo message {})', 'auto', 'code'), { version: '4.2', reason: { kind: 'payload-key', key: 'code' } });
    assert.deepEqual(dialectOf('(create echo message {})', 'auto', 'then'), { version: '4.1', reason: { kind: 'payload-key', key: 'then' } });
  });

  it('then the first form only one dialect has, in source order, however deep', () => {
    const text = '(within 1 hours\n  (count 2 (event (= CallAction "abandoned"))))\n(create echo message {})';
    assert.deepEqual(dialectOf(text), { version: '4.1', reason: { kind: 'form', what: '`event` with a predicate', start: 28, end: 33 } });
    assert.deepEqual(dialectOf('(within 30 days (times 4 (event {:a 1})))').reason, { kind: 'form', what: '`times`', start: 17, end: 22 });
    assert.deepEqual(dialectOf('(event {:type "x"})').reason, { kind: 'form', what: '`event` with a map', start: 1, end: 6 });
    assert.deepEqual(dialectOf('[{:name "p" :when (event) :then (delay 1 days)}]').reason, { kind: 'form', what: 'a pattern map with `:when`', start: 12, end: 17 });
    assert.equal(dialectOf('(if (= x 1) (success (delay 1 days)))').version, '4.1');
    assert.equal(dialectOf('(delay 1 days) (sum [1 2])').version, '4.2');
  });

  it('a `;; When`/`;; Then` section before any deciding form makes it 4.1', () => {
    assert.deepEqual(dialectOf('(delay 1 days)\n;; Then\n(create echo message {})').reason, { kind: 'form', what: 'a `;; Then` section', start: 15, end: 22 });
    assert.equal(dialectOf('(create echo message {})\n;; Then\n(delay 1 days)').version, '4.2');
  });

  it('nothing either way is 4.2, the version of the shipped definitions', () => {
    assert.deepEqual(dialectOf('(delay 1 days)'), { version: '4.2', reason: { kind: 'default' } });
    assert.deepEqual(dialectOf(''), { version: '4.2', reason: { kind: 'default' } });
  });

  it('the names only one dialect has come from the two grammar tables', () => {
    for (const name of ['send', 'await', 'seq', 'par', 'expect', 'success', 'failure', 'any', 'allOf', 'fail']) assert.equal(dialectOnly(name), '4.1', name);
    for (const name of ['fetch', 'perform', 'create', 'update', 'delete', 'def', 'let', 'if-let', 'when-let', 'cond', 'case', 'unless', 'until', 'sequence', 'times', 'do', 'timeout', 'catch', 'sum', 'contains?']) {
      assert.equal(dialectOnly(name), '4.2', name);
    }
    for (const name of ['if', 'when', 'event', 'within', 'delay', 'set', 'and', 'or', 'not', '=', '>', '<', 'count', 'all', 'retries', 'template', 'nope']) {
      assert.equal(dialectOnly(name), undefined, name);
    }
  });

  it('is decided once per document version, and again when the setting changes', () => {
    const doc = documentOf('(delay 1 days)', 'flow');
    const [region] = flowDocument(doc).regions;
    assert.equal(regionDialect(region, 'auto'), regionDialect(region, 'auto'));
    assert.equal(regionDialect(region, '4.1').version, '4.1');
    assert.equal(regionDialect(region, 'auto').version, '4.2');
  });
});

describe('flow dialect: wrong-dialect', () => {
  it('a 4.1 form in a 4.2 file, with the reason and its line', () => {
    const { doc, diagnostics } = diagnose('(def greeting "hi")\n\n(seq (send echo message {:message greeting}))');
    assert.deepEqual(compact(diagnostics), [['wrong-dialect', rangeOfText(doc, 'seq')]]);
    assert.equal(messageText(diagnostics[0]), '`seq` is a 4.1 form; this file is read as 4.2 because line 1 uses `def`');
    assert.deepEqual(diagnostics[0].data, { operator: 'seq', dialect: '4.1', replacements: ['do'] });
  });

  it('a 4.2 form in a 4.1 file, named by each reason', () => {
    const byForm = diagnose(';; Then\n(create echo message {})');
    assert.equal(messageText(byForm.diagnostics[0]), '`create` is a 4.2 form; this file is read as 4.1 because line 1 has a `;; Then` section');
    const bySetting = diagnose('(let [x 1] x)', '4.1');
    assert.deepEqual(compact(bySetting.diagnostics), [['wrong-dialect', rangeOfText(bySetting.doc, 'let')]]);
    assert.equal(messageText(bySetting.diagnostics[0]), '`let` is a 4.2 form; this file is read as 4.1 because cxengage.flow.dialect is 4.1');
    const byDirective = diagnose('; cxengage-dialect: 4.1\n(sum [1 2])');
    assert.equal(messageText(byDirective.diagnostics[0]), '`sum` is a 4.2 function; this file is read as 4.1 because of the `; cxengage-dialect: 4.1` comment on line 1');
    const byDefault = diagnose('(delay 1 days)\n(await echo message {})', '4.2');
    assert.deepEqual(compact(byDefault.diagnostics), [['wrong-dialect', rangeOfText(byDefault.doc, 'await')]]);
  });

  it('an event of the other dialect, and a pattern map in 4.2', () => {
    const event41 = diagnose(';; When\n(event {:type "x"})');
    assert.deepEqual(compact(event41.diagnostics), [['wrong-dialect', rangeOfText(event41.doc, 'event')]]);
    assert.match(messageText(event41.diagnostics[0]), /^`event` with a map is a 4\.2 form; this file is read as 4\.1/);
    const event42 = diagnose('(def x 1)\n(event (= type "x"))');
    assert.deepEqual(compact(event42.diagnostics), [['wrong-dialect', rangeOfText(event42.doc, 'event')]]);
    assert.match(messageText(event42.diagnostics[0]), /^`event` with a predicate is a 4\.1 form/);
    const map = diagnose('{:name "p" :when (event (= a 1)) :then (delay 1 days)}', '4.2');
    assert.deepEqual(compact(map.diagnostics), [['wrong-dialect', rangeOfText(map.doc, ':when')]]);
    assert.match(messageText(map.diagnostics[0]), /^a pattern map with `:when` is a 4\.1 form/);
  });

  it('an option of the other dialect after an interaction', () => {
    const { doc, diagnostics } = diagnose('(perform echo message {:message "hi"} (success (delay 1 days)))');
    assert.deepEqual(compact(diagnostics), [['wrong-dialect', rangeOfText(doc, 'success')]]);
    const old = diagnose('(send echo message {:message "hi"} (timeout 1 minute) (catch (delay 1 days)))');
    assert.deepEqual(compact(old.diagnostics), [
      ['wrong-dialect', rangeOfText(old.doc, 'timeout')],
      ['wrong-dialect', rangeOfText(old.doc, 'catch')],
    ]);
    assert.deepEqual(old.diagnostics.map((d) => (d.data as { replacements: string[] }).replacements), [['within'], ['failure']]);
  });

  it('an interaction of the other dialect is still checked against the definitions', () => {
    const { doc, diagnostics } = diagnose(';; Then\n(seq (create twilio sms {:to-phone-number "1"}) (do (perform twillio sms {})))');
    assert.deepEqual(compact(diagnostics), [
      ['wrong-dialect', rangeOfText(doc, 'create')],
      ['missing-mandatory-field', rangeOfText(doc, 'twilio sms')],
      ['wrong-dialect', rangeOfText(doc, 'do')],
      ['unknown-integration', rangeOfText(doc, 'twillio')],
    ]);
  });

  it('a file mixing dialects: the first deciding form wins, every form of the other is flagged once', () => {
    const text = '(send echo message {:message "a"})\n(create echo message {:message "b"})\n(let [x 1]\n  (perform echo message {:message x}))';
    const { doc, diagnostics } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['wrong-dialect', rangeOfText(doc, 'create')],
      ['wrong-dialect', rangeOfText(doc, 'let')],
    ]);
    for (const d of diagnostics) assert.match(messageText(d), /this file is read as 4\.1 because line 1 uses `send`$/);
  });

  it('in a payload: "this code", named by the payload key', async () => {
    const doc = documentOf(JSON.stringify({ status: true, when: '(event)', then: '(do (delay 1 days))', code: '(seq (delay 1 days))' }), 'pattern');
    const diagnostics = (await checkPatternDocument(flowDocument(doc), contexts.auto)).diagnostics.filter((d) => d.code === 'wrong-dialect');
    assert.deepEqual(compact(diagnostics), [
      ['wrong-dialect', rangeOfText(doc, 'do')],
      ['wrong-dialect', rangeOfText(doc, 'seq')],
    ]);
    assert.equal(messageText(diagnostics[0]), '`do` is a 4.2 form; this code is read as 4.1 because it is the `then` of a pattern payload (4.2 payloads have `code`)');
    assert.equal(messageText(diagnostics[1]), '`seq` is a 4.1 form; this code is read as 4.2 because it is the `code` of a pattern payload');
  });

  it('the reason follows edits above the deciding form, its forms taken over from the last version', async () => {
    const service = openDocumentsService(defaultSettings);
    const uri = 'file:///workspace/moving.cxflow';
    const before = await openAndCheck(service, TextDocument.create(uri, 'cxflow', 1, '(send echo message {})\n(create echo message {})'));
    assert.match(messageText(before[0]), /line 1 uses `send`$/);
    const after = await openAndCheck(service, TextDocument.create(uri, 'cxflow', 2, '\n\n(send echo message {})\n(create echo message {})'));
    assert.match(messageText(after[0]), /line 3 uses `send`$/);
    assert.deepEqual(after[0].range, { start: { line: 3, character: 1 }, end: { line: 3, character: 7 } });
    // The first line now says 4.2: the same kept forms are analysed again, in the other dialect.
    const switched = await openAndCheck(service, TextDocument.create(uri, 'cxflow', 3, '; cxengage-dialect: 4.2\n\n(send echo message {})\n(create echo message {})'));
    assert.deepEqual(compact(switched), [['wrong-dialect', [2, 1, 2, 5]]]);
  });
});

describe('flow dialect: quick fixes of wrong-dialect', () => {
  function fixes(text: string, kind: 'flow' | 'pattern' = 'flow', setting: DialectSetting = 'auto') {
    const doc = documentOf(text, kind);
    const ctx = contexts[setting];
    const diagnostics: Diagnostic[] = kind === 'flow' ? checkFlowDocument(flowDocument(doc), ctx) : [];
    const wrong = diagnostics.filter((d) => d.code === 'wrong-dialect');
    const actions = flowCodeActions(flowDocument(doc), wrong[0].range, wrong, ctx);
    return { doc, actions, titles: actions.map((a) => a.title) };
  }

  it('rewrites to the counterpart or reads the file as the form\'s dialect, neither preferred (which dialect is meant is the user\'s call)', () => {
    const { doc, actions, titles } = fixes('(seq (delay 1 days))', 'flow', '4.2');
    assert.deepEqual(titles, ['Change to `do`', 'Read this file as 4.1 (`; cxengage-dialect: 4.1` on its first line)']);
    assert.deepEqual(actions.map((a) => a.isPreferred), [undefined, undefined]);
    assert.equal(applyAction(doc, actions[0]), '(do (delay 1 days))');
    assert.equal(applyAction(doc, actions[1]), '; cxengage-dialect: 4.1\n(seq (delay 1 days))');
  });

  it('a seq of event patterns becomes a sequence, a seq of reactions a do', () => {
    assert.deepEqual(fixes('(def x 1)\n(seq (event (= a 1)) (within 1 hours (event (= b 2))))').titles, ['Change to `sequence`']);
    assert.deepEqual(fixes('(def x 1)\n(seq (event (= a 1)) (delay 1 days))').titles, ['Change to `do`']);
  });

  it('reads the file as the other dialect only when all of it is written in that one', () => {
    assert.deepEqual(fixes('(def x 1)\n(seq (delay 1 days))').titles, ['Change to `do`']);
  });

  it('send becomes perform (or create); a 4.2 verb in 4.1 becomes send', () => {
    assert.deepEqual(fixes('(def x 1)\n(send echo message {})').titles, ['Change to `perform`', 'Change to `create`']);
    const back = fixes(';; Then\n(update salesforce task {})');
    assert.equal(applyAction(back.doc, back.actions[0]), ';; Then\n(send salesforce task {})');
  });

  it('par becomes do only when every member is an interaction; await has no counterpart', () => {
    assert.ok(fixes('(def x 1)\n(par (send echo message {}) (send echo message {}))').titles.includes('Change to `do`'));
    assert.ok(!fixes('(def x 1)\n(par (send echo message {}) (delay 1 days))').titles.includes('Change to `do`'));
    assert.deepEqual(fixes('(await echo message {})', 'flow', '4.2').titles, ['Read this file as 4.1 (`; cxengage-dialect: 4.1` on its first line)']);
  });

  it('replaces a directive already on the first line', () => {
    const { doc, actions } = fixes('; cxengage-dialect: 4.2\n(send echo message {})');
    assert.equal(applyAction(doc, actions[actions.length - 1]), '; cxengage-dialect: 4.1\n(send echo message {})');
  });

  it('writes the directive escaped inside a payload string', () => {
    const doc = documentOf('{"code": "(seq (delay 1 days))"}', 'pattern');
    const diagnostics = checkFlowDocument(flowDocument(doc), contexts.auto);
    const actions = flowCodeActions(flowDocument(doc), diagnostics[0].range, diagnostics, contexts.auto);
    const directive = actions.find((a) => a.title.startsWith('Read this code as 4.1'));
    assert.ok(directive);
    assert.equal(applyAction(doc, directive), '{"code": "; cxengage-dialect: 4.1\\n(seq (delay 1 days))"}');
  });
});

describe('flow dialect: messages', () => {
  it('the message table has the wording the checks quote', () => {
    assert.equal(messages.wrongDialect('`send`', 'form', '4.1'), '`send` is a 4.1 form');
    assert.equal(messages.readAs('this file', '4.2', 'because x'), '; this file is read as 4.2 because x');
  });
});
