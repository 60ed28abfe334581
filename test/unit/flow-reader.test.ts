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
  topLevelForm,
} from '../../server/src/service/flow/syntax/tree';

/** A node as `kind:value@start-end`, containers with their children. */
function show(node: FlowNode): string {
  const at = `@${node.start}-${node.end}`;
  switch (node.kind) {
    case 'list':
    case 'vector':
    case 'map':
      return `${node.kind}${at}${node.closed ? '' : '!'}(${node.children.map(show).join(' ')})`;
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
    if (node.kind === 'list' || node.kind === 'vector' || node.kind === 'map') {
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
      [messages.unclosedBracket('(', ')'), 0, 1],
      [messages.unclosedBracket('{', '}'), 19, 20],
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

  it('reads 10,000 unclosed parens, each reported', () => {
    const tree = readFlow('('.repeat(10_000));
    assert.equal(tree.errors.length, 10_000);
    assert.equal(tree.forms.length, 1);
  });

  it('reads random bytes without throwing, with ranges inside the text', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 50; round++) {
      let text = '';
      const length = random() % 2000;
      for (let i = 0; i < length; i++) text += String.fromCharCode(random() % 256);
      const tree = readFlow(text);
      for (const e of tree.errors) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end);
      assertParents(tree);
    }
  });

  it('reads random flow-like characters without throwing', () => {
    const alphabet = '()[]{}"\\;:*$+ \n,abc1-';
    let seed = 7;
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += alphabet[seed % alphabet.length];
      }
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
