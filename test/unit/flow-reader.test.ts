// The flow reader: every reader-syntax row of flow-dsl.md with exact ranges, every recovery case,
// and input that must not break it (deep nesting, random bytes, large files).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../server/src/service/codes';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import {
  FlowNode,
  FlowTree,
  enclosingContainers,
  mapEntryOf,
  mapValue,
  nodeAt,
  operatorOf,
  commentAt,
  inStringAt,
  isContainer,
  symbolParts,
  taggedForm,
  topLevelForm,
} from '../../server/src/service/flow/syntax/tree';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkFlowDocument, readFlowDocument } from '../../server/src/service/flow/index';
import { compactRange } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { randomBytes, randomText, seededRandom } from '../support/random';

/** A node as `kind:value@start-end`, containers with their children. */
function show(node: FlowNode): string {
  const at = `@${node.start}-${node.end}`;
  switch (node.kind) {
    case 'list':
    case 'vector':
    case 'map':
    case 'set':
      return `${node.kind}${at}${node.closed ? '' : '!'}(${node.children.map(show).join(' ')})`;
    case 'tagged':
      return `tagged:${node.tag}${at}${node.closed ? '' : '!'}(${node.children.map(show).join(' ')})`;
    case 'string':
      return `string:${JSON.stringify(node.value)}${at}${node.closed ? '' : '!'}`;
    case 'number':
      return `number:${node.value}${at}`;
    case 'boolean':
      return `boolean:${node.value}${at}`;
    case 'nil':
      return `nil${at}`;
    default:
      return `${node.kind}:${node.name}${at}`;
  }
}

function forms(text: string): string[] {
  return readFlow(text).forms.map(show);
}

function errors(tree: FlowTree): [string, number, number][] {
  return tree.errors.map((e) => [e.message, e.start, e.end]);
}

/** Parent links are consistent all the way down (checked iteratively). */
function assertParents(tree: FlowTree): void {
  const stack: FlowNode[] = [...tree.forms];
  for (const f of tree.forms) assert.equal(f.parent, undefined);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (isContainer(node)) {
      for (const c of node.children) {
        assert.equal(c.parent, node);
        assert.ok(c.start >= node.start && c.end <= node.end, 'child inside its parent');
        stack.push(c);
      }
    }
  }
}

describe('flow reader: syntax rows', () => {
  it('reads a list with its operator', () => {
    const tree = readFlow('(send echo message {})');
    assert.deepEqual(tree.forms.map(show), [
      'list@0-22(symbol:send@1-5 symbol:echo@6-10 symbol:message@11-18 map@19-21())',
    ]);
    assert.equal(operatorOf(tree.forms[0]), 'send');
    assert.deepEqual(tree.errors, []);
  });

  it('reads a vector', () => {
    assert.deepEqual(forms('[1 2]'), ['vector@0-5(number:1@1-2 number:2@3-4)']);
  });

  it('reads a map with keyword and string keys, commas as whitespace, and pairs its entries', () => {
    const tree = readFlow('{:message "hi", "to" *phone*}');
    assert.deepEqual(tree.forms.map(show), [
      'map@0-29(keyword:message@1-9 string:"hi"@10-14 string:"to"@16-20 event:phone@21-28)',
    ]);
    const map = tree.forms[0];
    assert.equal(map.kind, 'map');
    if (map.kind !== 'map') return;
    assert.equal(map.entries.length, 2);
    assert.equal(map.entries[1].key.kind, 'string');
    assert.equal(mapValue(map, 'to')?.kind, 'event');
    assert.deepEqual(mapEntryOf(map.children[1])?.isKey, false);
  });

  it('reads keywords with - _ ? ! . and digits, case kept', () => {
    assert.deepEqual(forms(':to-phone-number :OwnerId :a_b? :c! :d.e :x2'), [
      'keyword:to-phone-number@0-16',
      'keyword:OwnerId@17-25',
      'keyword:a_b?@26-31',
      'keyword:c!@32-35',
      'keyword:d.e@36-40',
      'keyword:x2@41-44',
    ]);
  });

  it('reads strings with escapes, spanning lines', () => {
    assert.deepEqual(forms('"hello \\"you\\""'), ['string:"hello \\"you\\""@0-15']);
    assert.deepEqual(forms('"a\\\\b\\n\\tc"'), ['string:"a\\\\b\\n\\tc"@0-11']);
    assert.deepEqual(forms('"line one\nline two"'), ['string:"line one\\nline two"@0-19']);
    assert.deepEqual(forms('"\\u00e9"'), ['string:"é"@0-8']);
  });

  it('reads numbers', () => {
    assert.deepEqual(forms('42 1.5 -3 +7 1e3'), ['number:42@0-2', 'number:1.5@3-6', 'number:-3@7-9', 'number:7@10-12', 'number:1000@13-16']);
  });

  it('reads booleans and nil', () => {
    assert.deepEqual(forms('true false nil'), ['boolean:true@0-4', 'boolean:false@5-10', 'nil@11-14']);
  });

  it('reads event-record, endpoint-response and template values', () => {
    assert.deepEqual(forms('*phone-number* $call-id +TM1'), ['event:phone-number@0-14', 'response:call-id@15-23', 'template:TM1@24-28']);
  });

  it('reads reaction variables and operators as symbols', () => {
    assert.deepEqual(forms('sms-message = > < - + *'), [
      'symbol:sms-message@0-11',
      'symbol:=@12-13',
      'symbol:>@14-15',
      'symbol:<@16-17',
      'symbol:-@18-19',
      'symbol:+@20-21',
      'symbol:*@22-23',
    ]);
  });

  it('keeps comments aside with their ranges', () => {
    const tree = readFlow(';; When\n(event) ; trailing\r\n; last');
    assert.deepEqual(
      tree.comments.map((c) => [c.text, c.start, c.end]),
      [
        [';; When', 0, 7],
        ['; trailing', 16, 26],
        ['; last', 28, 34],
      ],
    );
    assert.deepEqual(forms(';; When\n(event) ; trailing'), ['list@8-15(symbol:event@9-14)']);
    assert.equal(commentAt(tree, 20)?.text, '; trailing');
    assert.equal(commentAt(tree, 10), undefined);
  });

  it('reads the first sample of flow-dsl.md without errors', () => {
    const text = [
      ';; When',
      '(within 1 hours (count 2 (event (= CallAction "abandoned"))))',
      '',
      ';; Then',
      '(seq',
      '  (send twilio sms {:to-phone-number *phone-number*',
      '                    :from-phone-number "1-506-555-1234"}',
      '        (template {:message +TM1})',
      '        (retries 2))',
      '  (delay 5 minutes))',
    ].join('\n');
    const tree = readFlow(text);
    assert.deepEqual(tree.errors, []);
    assert.equal(tree.forms.length, 2);
    assertParents(tree);
  });
});

describe('flow reader: recovery', () => {
  it('reports an unclosed list at its opening bracket and keeps what it read', () => {
    const tree = readFlow('(send twilio ');
    assert.deepEqual(errors(tree), [[messages.unclosedBracket('(', ')'), 0, 1]]);
    // An unclosed form runs to the end of input, so a cursor there is inside it.
    assert.deepEqual(tree.forms.map(show), ['list@0-13!(symbol:send@1-5 symbol:twilio@6-12)']);
    assert.equal(nodeAt(tree, 13)?.kind, 'list');
  });

  it('reports unclosed vectors and maps', () => {
    assert.deepEqual(errors(readFlow('[1')), [[messages.unclosedBracket('[', ']'), 0, 1]]);
    assert.deepEqual(errors(readFlow('{:a 1')), [[messages.unclosedBracket('{', '}'), 0, 1]]);
  });

  it('reports a stray closer and reads on', () => {
    const tree = readFlow('(a)) (b)');
    assert.deepEqual(errors(tree), [[messages.strayCloser(')'), 3, 4]]);
    assert.deepEqual(tree.forms.map(show), ['list@0-3(symbol:a@1-2)', 'list@5-8(symbol:b@6-7)']);
  });

  it('closes the inner form at a mismatched closer that matches an outer one', () => {
    const tree = readFlow('(a [b) c');
    assert.deepEqual(errors(tree), [[messages.mismatchedCloser(')', '[', ']'), 5, 6]]);
    assert.deepEqual(tree.forms.map(show), ['list@0-6(symbol:a@1-2 vector@3-5!(symbol:b@4-5))', 'symbol:c@7-8']);
  });

  it('treats a closer that matches nothing open as stray', () => {
    const tree = readFlow('(a ] b)');
    assert.deepEqual(errors(tree), [[messages.strayCloser(']'), 3, 4]]);
    assert.deepEqual(tree.forms.map(show), ['list@0-7(symbol:a@1-2 symbol:b@5-6)']);
  });

  it('reports an unterminated string at its opening quote', () => {
    const tree = readFlow('(send echo message {:message "hi})');
    assert.deepEqual(errors(tree), [
      [messages.unclosedForms([{ open: '(' }, { open: '{' }], '})'), 19, 20],
      [messages.unterminatedString(), 29, 30],
    ]);
    assert.equal(show(tree.forms[0].kind === 'list' ? tree.forms[0].children[3] : tree.forms[0]), 'map@19-34!(keyword:message@20-28 string:"hi})"@29-34!)');
  });

  it('reports a map key without value on the key', () => {
    const tree = readFlow('{:a 1 :to-phone}');
    assert.deepEqual(errors(tree), [[messages.mapKeyWithoutValue(':to-phone'), 6, 15]]);
    const map = tree.forms[0];
    assert.ok(map.kind === 'map' && map.entries.length === 2 && map.entries[1].value === undefined);
  });

  it('reports invalid escapes and numbers at their place', () => {
    assert.deepEqual(errors(readFlow('"a\\qb"')), [[messages.invalidEscape('\\q'), 2, 4]]);
    assert.deepEqual(errors(readFlow('"\\u12"')), [[messages.invalidEscape('\\u12'), 1, 3]]);
    const tree = readFlow('1abc');
    assert.deepEqual(errors(tree), [[messages.invalidNumber('1abc'), 0, 4]]);
    assert.deepEqual(tree.forms.map(show), ['symbol:1abc@0-4']);
  });

  it('one missing ) does not swallow the top-level forms after it', () => {
    const text = '(send echo message {:message "a"}\n\n(send echo message {:message "b"})\n(delay 5 minutes)';
    const tree = readFlow(text);
    assert.deepEqual(errors(tree), [[messages.unclosedBracket('(', ')'), 0, 1]]);
    assert.deepEqual(
      tree.forms.map((f) => [operatorOf(f), f.start]),
      [
        ['send', 0],
        ['send', 35],
        ['delay', 70],
      ],
    );
    assertParents(tree);
  });

  it('keeps balanced code whose members start in column 0 as written', () => {
    const tree = readFlow('(seq\n(delay 1 hours)\n(delay 2 hours))');
    assert.deepEqual(tree.errors, []);
    assert.equal(tree.forms.length, 1);
  });
});

describe('flow reader: sets', () => {
  it('reads a set with its members and exact ranges, in both dialects\' places', () => {
    assert.deepEqual(forms('#{"high" "medium"}'), ['set@0-18(string:"high"@2-8 string:"medium"@9-17)']);
    assert.deepEqual(forms('#{}'), ['set@0-3()']);
    const tree = readFlow('(event {:priority #{"high" :low 3}})');
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.forms.map(show), [
      'list@0-36(symbol:event@1-6 map@7-35(keyword:priority@8-17 set@18-34(string:"high"@20-26 keyword:low@27-31 number:3@32-33)))',
    ]);
    assertParents(tree);
  });

  it('is a container whose inside starts after `#{`', () => {
    const tree = readFlow('#{a }');
    assert.equal(nodeAt(tree, 0), undefined);
    assert.equal(nodeAt(tree, 1), undefined);
    assert.equal(nodeAt(tree, 2)?.kind, 'symbol');
    assert.equal(nodeAt(tree, 4)?.kind, 'set');
    assert.equal(nodeAt(tree, 5), undefined);
  });

  it('reports a member written twice, on the repeat, and compares constants as EDN does', () => {
    const tree = readFlow('#{"a" :b "a" :b 1 1.0 b "b"}');
    assert.deepEqual(errors(tree), [
      [messages.duplicateSetMember('"a"'), 9, 12],
      [messages.duplicateSetMember(':b'), 13, 15],
    ]);
    // Escapes are compared unescaped; containers are not compared.
    assert.deepEqual(errors(readFlow('#{"\\u0041" "A" [1] [1]}')), [[messages.duplicateSetMember('"A"'), 11, 14]]);
  });

  it('reports an unclosed set at its `#{`, and a set closed by the wrong bracket', () => {
    assert.deepEqual(errors(readFlow('#{1 2')), [[messages.unclosedBracket('#{', '}'), 0, 2]]);
    const tree = readFlow('(a #{1 2)');
    assert.deepEqual(errors(tree), [[messages.mismatchedCloser(')', '#{', '}'), 8, 9]]);
    assert.deepEqual(tree.forms.map(show), ['list@0-9(symbol:a@1-2 set@3-8!(number:1@5-6 number:2@7-8))']);
    // `}` closes a set as it closes a map.
    assert.deepEqual(forms('{:a #{1}}'), ['map@0-9(keyword:a@1-3 set@4-8(number:1@6-7))']);
  });
});

describe('flow reader: tagged literals', () => {
  it('reads a tag and its form as one node', () => {
    const tree = readFlow('#inst "2014-06-18" #uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"');
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.forms.map(show), [
      'tagged:inst@0-18(string:"2014-06-18"@6-18)',
      'tagged:uuid@19-63(string:"f81d4fae-7dec-11d0-a765-00a0c91e6bf6"@25-63)',
    ]);
    const tagged = tree.forms[0];
    assert.ok(tagged.kind === 'tagged');
    assert.equal(taggedForm(tagged)?.kind, 'string');
    assertParents(tree);
  });

  it('finds the literal from a cursor on its tag, and its form from one on the form', () => {
    const tree = readFlow('(if (> $date #inst "2014-06-18") x)');
    assert.equal(nodeAt(tree, 14)?.kind, 'tagged');
    assert.equal(nodeAt(tree, 18)?.kind, 'tagged');
    const form = nodeAt(tree, 22);
    assert.equal(form?.kind, 'string');
    assert.equal(form?.parent?.kind, 'tagged');
  });

  it('takes an #inst date-time and a #uuid in their formats only', () => {
    assert.deepEqual(errors(readFlow('#inst "2014" #inst "2014-06-18T12:30:00.5+01:00" #inst "2014-06-18T12:30Z"')), []);
    const inst = messages.invalidTaggedForm('inst', '"2014-06-18T12:30:00Z"');
    assert.deepEqual(errors(readFlow('#inst "2014-13-01" #inst 2014')), [
      [inst, 6, 18],
      [inst, 25, 29],
    ]);
    assert.deepEqual(errors(readFlow('#uuid "f81d4fae"')), [[messages.invalidTaggedForm('uuid', '"f81d4fae-7dec-11d0-a765-00a0c91e6bf6"'), 6, 16]]);
  });

  it('reports a tag without a namespace that no reader knows, on the tag; a namespaced tag is taken', () => {
    assert.deepEqual(errors(readFlow('#date "x"')), [[messages.unknownTag('date'), 0, 5]]);
    const tree = readFlow('#app/money {:amount 5}');
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.forms.map(show), ['tagged:app/money@0-22(map@11-22(keyword:amount@12-19 number:5@20-21))']);
  });

  it('tags the next form across whitespace, comments and discards; a tag may tag a tag', () => {
    assert.deepEqual(forms('#inst\n; when\n"2014"'), ['tagged:inst@0-19(string:"2014"@13-19)']);
    assert.deepEqual(forms('#inst #_"x" "2014"'), ['tagged:inst@0-18(string:"2014"@12-18)']);
    assert.deepEqual(forms('#app/a #app/b 1'), ['tagged:app/a@0-15(tagged:app/b@7-15(number:1@14-15))']);
  });

  it('reports a tag with nothing to tag, ending it where the reader gave up', () => {
    const tree = readFlow('(a #inst) #inst ');
    assert.deepEqual(errors(tree), [
      [messages.tagsNothing('inst'), 3, 8],
      [messages.tagsNothing('inst'), 10, 15],
    ]);
    assert.deepEqual(tree.forms.map(show), ['list@0-9(symbol:a@1-2 tagged:inst@3-8!())', 'tagged:inst@10-16!()']);
  });
});

describe('flow reader: discard', () => {
  it('drops the next form from the tree and keeps it aside with its range', () => {
    const tree = readFlow('(seq #_(send a b {}) (delay 1 hours))');
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.forms.map(show), ['list@0-37(symbol:seq@1-4 list@21-36(symbol:delay@22-27 number:1@28-29 symbol:hours@30-35))']);
    assert.deepEqual(
      tree.discards.map((d) => [d.start, d.end, d.form && show(d.form)]),
      [[5, 20, 'list@7-20(symbol:send@8-12 symbol:a@13-14 symbol:b@15-16 map@17-19())']],
    );
    // The dropped form still knows where it stood, but that list does not hold it.
    assert.equal(tree.discards[0].form?.parent, tree.forms[0]);
  });

  it('drops a form on the next line, and one `#_` per form (`#_ #_ a b`)', () => {
    const tree = readFlow('#_\n(send a b {})\n#_ #_ x y z');
    assert.deepEqual(tree.forms.map(show), ['symbol:z@27-28']);
    assert.deepEqual(
      tree.discards.map((d) => [d.start, d.end, d.form && show(d.form)]),
      [
        [0, 16, 'list@3-16(symbol:send@4-8 symbol:a@9-10 symbol:b@11-12 map@13-15())'],
        [17, 26, 'symbol:y@25-26'],
        [20, 24, 'symbol:x@23-24'],
      ],
    );
  });

  it('does not count a dropped form among a map\'s entries', () => {
    const tree = readFlow('{:a 1 #_:b #_2 :c 3}');
    assert.deepEqual(tree.errors, []);
    const map = tree.forms[0];
    assert.ok(map.kind === 'map');
    assert.deepEqual(map.entries.map((e) => [show(e.key), e.value && show(e.value)]), [
      ['keyword:a@1-3', 'number:1@4-5'],
      ['keyword:c@15-17', 'number:3@18-19'],
    ]);
  });

  it('still reports reader errors inside a dropped form', () => {
    const tree = readFlow('#_(a "x) (b)');
    assert.deepEqual(errors(tree), [
      [messages.unclosedBracket('(', ')'), 2, 3],
      [messages.unterminatedString(), 5, 6],
    ]);
    assert.deepEqual(tree.forms, []);
  });

  it('reports a `#_` with no form after it, before a closer or at the end', () => {
    const tree = readFlow('(a #_) #_');
    assert.deepEqual(errors(tree), [
      [messages.discardsNothing(), 3, 5],
      [messages.discardsNothing(), 7, 9],
    ]);
    assert.deepEqual(tree.forms.map(show), ['list@0-6(symbol:a@1-2)']);
    assert.deepEqual(
      tree.discards.map((d) => [d.start, d.end, d.form]),
      [
        [3, 5, undefined],
        [7, 9, undefined],
      ],
    );
  });
});

describe('flow reader: symbols with `.` and `?`', () => {
  it('reads a dotted symbol whole and splits it into parts with ranges on demand', () => {
    const tree = readFlow('(create twilio sms {:to rep.id :body result.sid}) pop-up.id');
    const symbols = ['rep.id', 'result.sid', 'pop-up.id'].map((name) => {
      const at = tree.text.indexOf(name);
      const node = nodeAt(tree, at);
      assert.ok(node?.kind === 'symbol' && node.name === name, name);
      return symbolParts(node).map((p) => [p.name, p.start, p.end]);
    });
    assert.deepEqual(symbols, [
      [
        ['rep', 24, 27],
        ['id', 28, 30],
      ],
      [
        ['result', 37, 43],
        ['sid', 44, 47],
      ],
      [
        ['pop-up', 50, 56],
        ['id', 57, 59],
      ],
    ]);
  });

  it('keeps empty parts of a half-typed access, and a plain symbol as one part', () => {
    const [typed, deep, plain] = readFlow('result. a.b.c total').forms;
    assert.ok(typed.kind === 'symbol' && deep.kind === 'symbol' && plain.kind === 'symbol');
    assert.deepEqual(symbolParts(typed), [
      { name: 'result', start: 0, end: 6 },
      { name: '', start: 7, end: 7 },
    ]);
    assert.deepEqual(symbolParts(deep).map((p) => p.name), ['a', 'b', 'c']);
    assert.deepEqual(symbolParts(plain), [{ name: 'total', start: 14, end: 19 }]);
  });

  it('reads symbols ending in `?` whole, as operators too; numbers and keywords with dots stay what they are', () => {
    const tree = readFlow('(filter even? (contains? "2L_PEPSI")) 1.5 :a.b');
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.forms.map(show), [
      'list@0-37(symbol:filter@1-7 symbol:even?@8-13 list@14-36(symbol:contains?@15-24 string:"2L_PEPSI"@25-35))',
      'number:1.5@38-41',
      'keyword:a.b@42-46',
    ]);
    const inner = tree.forms[0].kind === 'list' ? tree.forms[0].children[2] : undefined;
    assert.equal(operatorOf(inner), 'contains?');
  });
});

describe('flow reader: other `#` dispatches', () => {
  it('reports each at its place and reads what follows as it stands', () => {
    const tree = readFlow('#(inc %) #"a+" #\'x ##Inf #?(:clj 1) (ok)');
    assert.deepEqual(errors(tree), [
      [messages.unsupportedDispatch('#(', 'an anonymous function'), 0, 2],
      [messages.unsupportedDispatch('#"', 'a regular expression'), 9, 11],
      [messages.unsupportedDispatch("#'", 'a var quote'), 15, 17],
      [messages.unsupportedDispatch('##', 'a symbolic value'), 19, 21],
      [messages.unsupportedDispatch('#?', 'a reader conditional'), 25, 27],
    ]);
    assert.deepEqual(tree.forms.map(show), [
      'list@1-8(symbol:inc@2-5 symbol:%@6-7)',
      'string:"a+"@10-14',
      'symbol:x@17-18',
      'symbol:Inf@21-24',
      'list@27-35(keyword:clj@28-32 number:1@33-34)',
      'list@36-40(symbol:ok@37-39)',
    ]);
  });

  it('reports a lone `#` on itself', () => {
    assert.deepEqual(errors(readFlow('(a # b)')), [[messages.unsupportedDispatch('#', undefined), 3, 4]]);
    assert.deepEqual(errors(readFlow('#')), [[messages.unsupportedDispatch('#', undefined), 0, 1]]);
  });

  it('keeps `#` inside a word part of the word', () => {
    assert.deepEqual(forms('a#b'), ['symbol:a#b@0-3']);
  });
});

describe('flow reader: forms left open together', () => {
  it('gives one error for a run of unclosed forms at the end, on the innermost opener, naming them all', () => {
    const text = '(seq\n  (send twilio sms {:to "x" :n\n    (retries';
    const tree = readFlow(text);
    assert.deepEqual(errors(tree), [[messages.unclosedForms([{ open: '(' }, { open: '(' }, { open: '{' }, { open: '(' }], ')}))'), 40, 41]]);
    assert.deepEqual(tree.errors[0].openers, [0, 7, 24, 40]);
  });

  it('gives one error for each run the recovering read closes at a line start', () => {
    const text = '(seq\n  (send twilio sms {:a 1\n(delay 5 minutes)\n[#{1';
    const tree = readFlow(text);
    assert.deepEqual(errors(tree), [
      [messages.unclosedForms([{ open: '(' }, { open: '(' }, { open: '{' }], '}))'), 24, 25],
      [messages.unclosedForms([{ open: '[' }, { open: '#{' }], '}]'), 49, 51],
    ]);
    assert.deepEqual(tree.forms.map((f) => f.kind), ['list', 'list', 'vector']);
  });

  it('names the openers with their lines and columns in the diagnostic, a long run by its ends', () => {
    const ctx = builtinContext();
    const doc = TextDocument.create('file:///workspace/open.cxflow', 'cxflow', 1, '(seq\n  (send twilio sms {:to "x" :n\n    (retries');
    const syntax = checkFlowDocument(readFlowDocument(doc), ctx).filter((d) => d.code === 'syntax');
    assert.deepEqual(
      syntax.map((d) => [d.message, compactRange(d.range)]),
      [
        [
          messages.unclosedForms(
            [
              { open: '(', line: 1, column: 1 },
              { open: '(', line: 2, column: 3 },
              { open: '{', line: 2, column: 20 },
              { open: '(', line: 3, column: 5 },
            ],
            ')}))',
          ),
          [2, 4, 2, 5],
        ],
      ],
    );
    const deep = TextDocument.create('file:///workspace/deep.cxflow', 'cxflow', 1, '('.repeat(10));
    const [only] = checkFlowDocument(readFlowDocument(deep), ctx);
    assert.equal(
      only.message,
      '10 forms are not closed: `(` at 1:1, `(` at 1:2, `(` at 1:3, … 4 more …, `(` at 1:8, `(` at 1:9, `(` at 1:10; they need `))))))))))`',
    );
    assert.deepEqual([only.range.start.character, only.range.end.character], [9, 10]);
  });
});

describe('flow reader: hostile input', () => {
  it('reads 10,000 nested parens without recursion', () => {
    const depth = 10_000;
    const tree = readFlow('('.repeat(depth) + 'x' + ')'.repeat(depth));
    assert.deepEqual(tree.errors, []);
    const x = nodeAt(tree, depth + 1);
    assert.equal(x?.kind, 'symbol');
    assert.equal(enclosingContainers(x as FlowNode).length, depth);
    assert.equal(topLevelForm(x as FlowNode), tree.forms[0]);
  });

  it('reads 10,000 unclosed parens, reported by one error', () => {
    const tree = readFlow('('.repeat(10_000));
    assert.equal(tree.errors.length, 1);
    assert.equal(tree.errors[0].openers?.length, 10_000);
    assert.equal(tree.forms.length, 1);
  });

  it('reads random bytes without throwing, with ranges inside the text', () => {
    const random = seededRandom(12345);
    for (let round = 0; round < 50; round++) {
      const text = randomBytes(random, random.int(2000));
      const tree = readFlow(text);
      for (const e of tree.errors) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end);
      assertParents(tree);
    }
  });

  it('reads random flow-like characters without throwing', () => {
    const alphabet = '()[]{}"\\;:*$+ \n,abc1-';
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const text = randomText(random, 300, alphabet);
      const tree = readFlow(text);
      for (const e of tree.errors) assert.ok(e.start >= 0 && e.end <= text.length);
      assertParents(tree);
      for (let offset = 0; offset <= text.length; offset += 7) nodeAt(tree, offset);
    }
  });

  it('reads a 5 MB input', () => {
    const send = '(send twilio sms {:to-phone-number *phone* :from-phone-number "1-506-555-1234" :message "hello"} (retries 2))\n';
    const text = send.repeat(Math.ceil((5 * 1024 * 1024) / send.length));
    const tree = readFlow(text);
    assert.deepEqual(tree.errors, []);
    assert.equal(tree.forms.length, Math.ceil((5 * 1024 * 1024) / send.length));
  });
});

describe('flow tree helpers', () => {
  const text = '(send twilio sms {:to "x"} )';
  const tree = readFlow(text);

  it('nodeAt finds the word at or just after the cursor', () => {
    assert.equal(show(nodeAt(tree, 8) as FlowNode), 'symbol:twilio@6-12');
    assert.equal(show(nodeAt(tree, 12) as FlowNode), 'symbol:twilio@6-12');
    assert.equal(nodeAt(tree, 18)?.kind, 'keyword');
  });

  it('nodeAt gives the container when the cursor is between children', () => {
    assert.equal(nodeAt(tree, 27)?.kind, 'list');
    assert.equal(nodeAt(tree, 17)?.kind, 'list');
    assert.equal(nodeAt(readFlow('{:to "x" }'), 9)?.kind, 'map');
    assert.equal(nodeAt(tree, 0), undefined);
    assert.equal(nodeAt(tree, 28), undefined);
  });

  it('inStringAt tells the inside of a string', () => {
    assert.equal(inStringAt(tree, 23), true);
    assert.equal(inStringAt(tree, 22), false);
    assert.equal(inStringAt(tree, 25), false);
  });
});
