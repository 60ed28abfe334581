// Refactorings: wrap the selected forms in seq/par (4.1) or do/let (4.2), in files and in pattern
// strings; convert a .cxflow pattern to its REST payload and back, with the code as written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { wrapActions } from '../../server/src/service/actions/wrapForms';
import { conversionActions, flowToPayload, payloadToFlow } from '../../server/src/service/actions/patternPayload';
import { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { checkFlowDocument } from '../../server/src/service/flow';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';
import { applyAction, builtinContext } from '../support/flowContext';

/** `[|...|]` marks the selection (or one `|` a caret); every wrap offered, with the text it gives. */
function wraps(marked: string, kind: 'flow' | 'pattern' = 'flow', setting: DialectSetting = 'auto'): [string, string][] {
  const start = marked.indexOf('|');
  const end = marked.indexOf('|', start + 1);
  const text = end < 0 ? marked.replace('|', '') : marked.slice(0, start) + marked.slice(start + 1, end) + marked.slice(end + 1);
  const doc = documentOf(text, kind);
  const range = { start: doc.positionAt(start), end: doc.positionAt(end < 0 ? start : end - 1) };
  return wrapActions(readFlow(doc), range, setting).map((a) => [a.title, applyAction(doc, a)]);
}

describe('wrap the selected forms', () => {
  it('4.1: the forms a selection touches, in seq or par', () => {
    assert.deepEqual(wraps(';; Then\n|(delay 1 days)\n(delay 2 |days)'), [
      ['Wrap in (seq ...)', ';; Then\n(seq (delay 1 days)\n(delay 2 days))'],
      ['Wrap in (par ...)', ';; Then\n(par (delay 1 days)\n(delay 2 days))'],
    ]);
  });

  it('4.2: do, and let with bindings to fill in', () => {
    assert.deepEqual(wraps('(def x 1)\n|(create twilio sms {})|'), [
      ['Wrap in (do ...)', '(def x 1)\n(do (create twilio sms {}))'],
      ['Wrap in (let ...)', '(def x 1)\n(let [] (create twilio sms {}))'],
    ]);
  });

  it('a caret picks the innermost list it is in; a selection of an operator picks its list', () => {
    assert.deepEqual(wraps(';; Then\n(seq (delay 1 da|ys) (delay 2 days))')[0][1], ';; Then\n(seq (seq (delay 1 days)) (delay 2 days))');
    assert.deepEqual(wraps(';; Then\n(seq (|delay| 1 days) (delay 2 days))')[0][1], ';; Then\n(seq (seq (delay 1 days)) (delay 2 days))');
    assert.deepEqual(wraps(';; Then\n(seq |(delay 1 days) (delay 2 days)|)')[1][1], ';; Then\n(seq (par (delay 1 days) (delay 2 days)))');
  });

  it('follows the dialect setting and the directive', () => {
    assert.deepEqual(wraps('|(delay 1 days)|', 'flow', '4.1').map(([t]) => t), ['Wrap in (seq ...)', 'Wrap in (par ...)']);
    assert.deepEqual(wraps('; cxengage-dialect: 4.2\n|(delay 1 days)|', 'flow', '4.1').map(([t]) => t), ['Wrap in (do ...)', 'Wrap in (let ...)']);
  });

  it('inside a pattern string: brackets inserted, the escapes between them kept as written', () => {
    assert.deepEqual(wraps('{"then": "|(send echo message {:message \\"a\\\\u0041\\"}) (delay 1 days)|"}', 'pattern')[1], [
      'Wrap in (par ...)',
      '{"then": "(par (send echo message {:message \\"a\\\\u0041\\"}) (delay 1 days))"}',
    ]);
    assert.deepEqual(wraps('{"code": "|(create twilio sms {})|"}', 'pattern')[0][1], '{"code": "(do (create twilio sms {}))"}');
  });

  it('offers nothing outside code, on whitespace alone, or where brackets are in doubt', () => {
    assert.deepEqual(wraps('{"name": "|x|", "then": "(delay 1 days)"}', 'pattern'), []);
    assert.deepEqual(wraps(';; Then\n(delay 1 days)\n\n|\n'), []);
    assert.deepEqual(wraps(';; Then\n|(seq (delay 1 days)|'), []);
  });
});

function created(action: CodeAction): { uri: string; text: string } {
  const [create, fill] = action.edit?.documentChanges ?? [];
  assert.equal((create as CreateFile).kind, 'create');
  assert.deepEqual((create as CreateFile).options, { overwrite: false, ignoreIfExists: false });
  const edit = fill as TextDocumentEdit;
  assert.equal(edit.textDocument.uri, (create as CreateFile).uri);
  return { uri: edit.textDocument.uri, text: TextDocument.applyEdits(TextDocument.create(edit.textDocument.uri, 'json', 0, ''), edit.edits as never) };
}

describe('a .cxflow pattern as its REST payload', () => {
  const none = () => false;

  it('4.1 sections: when and then, the code as written (comments inside kept), escaped by JSON', () => {
    const doc = documentOf(';; When\n(event (= type "a\\"b"))\n\n;; Then\n(send echo message {:message "hi"}) ; say hi\n(delay 1 days)\n', 'flow', 'greet');
    const [action] = conversionActions(readFlow(doc), 0, 'auto', none);
    assert.equal(action.title, 'Convert to a pattern payload (greet.pattern.json)');
    assert.equal(action.kind, 'refactor.extract');
    assert.deepEqual(created(action), {
      uri: 'file:///workspace/greet.pattern.json',
      text: `${JSON.stringify({ name: 'greet', status: false, when: '(event (= type "a\\"b"))', then: '(send echo message {:message "hi"}) ; say hi\n(delay 1 days)' }, null, 2)}\n`,
    });
    assert.equal(
      created(action).text,
      '{\n  "name": "greet",\n  "status": false,\n  "when": "(event (= type \\"a\\\\\\"b\\"))",\n  "then": "(send echo message {:message \\"hi\\"}) ; say hi\\n(delay 1 days)"\n}\n',
    );
  });

  it('4.1 pattern maps: name, description and status from the map; several become an array', () => {
    const doc = documentOf('[{:name "A" :description "d" :status true :when (event (= a 1)) :then (delay 1 days)}\n {:name "B" :when (event (= b 2)) :then (delay 2 days)}]', 'flow');
    assert.deepEqual(flowToPayload(readFlow(doc), 'auto'), [
      { name: 'A', description: 'd', status: true, when: '(event (= a 1))', then: '(delay 1 days)' },
      { name: 'B', status: false, when: '(event (= b 2))', then: '(delay 2 days)' },
    ]);
  });

  it('4.2: the whole program under code', () => {
    const doc = documentOf('(def manager "+1")\n(create twilio sms {:to-phone-number manager})\n', 'flow', 'reminder');
    assert.deepEqual(flowToPayload(readFlow(doc), 'auto'), { name: 'reminder', status: false, code: '(def manager "+1")\n(create twilio sms {:to-phone-number manager})' });
  });

  it('picks a name no file has, and offers nothing for a file with reader errors', () => {
    const doc = documentOf('(delay 1 days)', 'flow', 'taken');
    const taken = (uri: string) => uri.endsWith('/taken.pattern.json') || uri.endsWith('/taken-2.pattern.json');
    assert.equal(created(conversionActions(readFlow(doc), 0, 'auto', taken)[0]).uri, 'file:///workspace/taken-3.pattern.json');
    assert.deepEqual(conversionActions(readFlow(documentOf('(delay 1 days', 'flow')), 0, 'auto', none), []);
  });
});

describe('a REST payload as a .cxflow file', () => {
  const none = () => false;

  it('4.1: a pattern map that reads back as the same when and then, with no diagnostic', () => {
    const payload = '[{"name": "VIP \\"gold\\"", "description": "d", "status": true, "when": "(event (= segment \\"vip\\"))", "then": "(send echo message {:message \\"a\\\\nb\\"})"},\n {"name": "other", "then": "(delay 1 days)"}]';
    const doc = documentOf(payload, 'pattern', 'vip');
    const [action] = conversionActions(readFlow(doc), 3, 'auto', none);
    assert.equal(action.title, 'Convert to a .cxflow file (vip.cxflow)');
    const { uri, text } = created(action);
    assert.equal(uri, 'file:///workspace/vip.cxflow');
    assert.equal(text, '{:name "VIP \\"gold\\""\n :description "d"\n :status true\n :when (event (= segment "vip"))\n :then (send echo message {:message "a\\nb"})}\n');
    const flow = readFlow(documentOf(text, 'flow'));
    assert.deepEqual(checkFlowDocument(flow, builtinContext()), []);
    assert.deepEqual(flowToPayload(flow, 'auto'), { name: 'VIP "gold"', description: 'd', status: true, when: '(event (= segment "vip"))', then: '(send echo message {:message "a\\nb"})' });
  });

  it('4.1: code of several forms is wrapped so that the map keeps one value per key', () => {
    assert.equal(payloadToFlow({ name: 'p', status: false, then: '(delay 1 days) (delay 2 days)' }), '{:name "p"\n :status false\n :then (seq (delay 1 days) (delay 2 days))}\n');
  });

  it('4.2: the program under its directive, the other keys in a header that reads back', () => {
    const doc = documentOf('{"name": "Hello", "description": "Say\\nhello", "status": true, "key": "id", "code": "(event {:type \\"hello\\"}) (perform echo message {:message \\"Hello World!\\"})"}', 'pattern', 'hello');
    const { text } = created(conversionActions(readFlow(doc), 0, 'auto', none)[0]);
    assert.equal(text, '; cxengage-dialect: 4.2\n; name: Hello\n; description: "Say\\nhello"\n; status: true\n; key: id\n(event {:type "hello"}) (perform echo message {:message "Hello World!"})\n');
    const flow = readFlow(documentOf(text, 'flow'));
    assert.deepEqual(checkFlowDocument(flow, builtinContext()), []);
    assert.deepEqual(flowToPayload(flow, 'auto'), { name: 'Hello', description: 'Say\nhello', status: true, key: 'id', code: '(event {:type "hello"}) (perform echo message {:message "Hello World!"})' });
  });

  it('offers nothing for broken JSON or a payload without code', () => {
    assert.deepEqual(conversionActions(readFlow(documentOf('{"name": "x", "then": "(delay 1\nday)"}', 'pattern')), 0, 'auto', none), []);
    assert.deepEqual(conversionActions(readFlow(documentOf('{"name": "x", "status": false}', 'pattern')), 0, 'auto', none), []);
  });
});
