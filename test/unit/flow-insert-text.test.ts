// The text editing features insert into flow code (insertText.ts), exactly: string literals, JSON
// escapes for code in a pattern string, snippet and choice escapes, plain renderings of snippets,
// form snippets made fit for a JSON string, and the final stop of a new form's snippet.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  adaptSnippet,
  forRegion,
  jsonEscape,
  newFormSnippet,
  renderPlain,
  renderSnippet,
  SnippetPart,
  stringContent,
  stringLiteral,
} from '../../server/src/service/flow/editing/insertText';
import { FlowRegion } from '../../server/src/service/flow/embedding/region';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

function regionOf(text: string, kind: 'flow' | 'pattern'): FlowRegion {
  const [region] = readFlow(documentOf(text, kind)).regions;
  assert.ok(region, 'the fixture has code');
  return region;
}

const file = regionOf('(seq)', 'flow');
const payload = regionOf('[{"name": "p", "when": "(event)", "then": "(seq)"}]', 'pattern');

describe('inserted text: literals and escapes', () => {
  it('the regions of the fixtures are a file and a JSON string', () => {
    assert.deepEqual([file.embedded, payload.embedded], [false, true]);
  });

  it('writes a flow string literal with its quotes and backslashes escaped', () => {
    assert.equal(stringContent('a "b" \\c'), 'a \\"b\\" \\\\c');
    assert.equal(stringLiteral('plain'), '"plain"');
    assert.equal(stringLiteral('say "hi"\\'), '"say \\"hi\\"\\\\"');
  });

  it('escapes code for a JSON string: quotes, backslashes, line ends, tabs and other control characters', () => {
    assert.equal(jsonEscape('(a "b")\\\n\r\t\u0001\u001f x é'), '(a \\"b\\")\\\\\\n\\r\\t\\u0001\\u001f x é');
    assert.equal(jsonEscape(' ~'), ' ~');
    assert.equal(jsonEscape(''), '');
  });

  it('escapes code only for a region inside a JSON string', () => {
    assert.equal(forRegion(file, '"x"\n'), '"x"\n');
    assert.equal(forRegion(payload, '"x"\n'), '\\"x\\"\\n');
  });
});

describe('inserted text: snippets', () => {
  const parts: SnippetPart[] = [':a "', { tabstop: 1 }, '" :b ', { tabstop: 2, placeholder: 'x}$\\' }, ' :c ', { tabstop: 3, choices: ['p,q', 'r|s', '$t}', 'u\\'] }, ' :d ', { tabstop: 4, choices: [] }, ' $}\\'];

  it('renders tabstops, placeholders and choices, escaping literal text for snippets and choices', () => {
    assert.equal(renderSnippet(file, parts), ':a "$1" :b ${2:x\\}\\$\\\\} :c ${3|p\\,q,r\\|s,\\$t\\},u\\\\|} :d $4 \\$\\}\\\\');
  });

  it('in a JSON string, escapes for JSON first and then for the snippet', () => {
    assert.equal(renderSnippet(payload, [':a "', { tabstop: 1, choices: ['x"y'] }, '"']), ':a \\\\"${1|x\\\\"y|}\\\\"');
    assert.equal(renderSnippet(payload, [{ tabstop: 1, placeholder: 'a"' }]), '${1:a\\\\"}');
  });

  it('renders the same parts as plain text: placeholders and first choices as written, bare stops empty', () => {
    assert.equal(renderPlain(file, parts), ':a "" :b x}$\\ :c p,q :d  $}\\');
    assert.equal(renderPlain(payload, [':a "', { tabstop: 1, choices: ['x"y', 'z'] }, '"']), ':a \\"x\\"y\\"');
  });
});

describe('inserted text: form snippets', () => {
  it('keeps a form snippet as written in a file', () => {
    assert.equal(adaptSnippet(file, 'send $1 $2\n  {"a" $3}'), 'send $1 $2\n  {"a" $3}');
  });

  it('puts a form snippet on one line in a JSON string, its quotes escaped for JSON and the snippet', () => {
    assert.equal(adaptSnippet(payload, 'seq\n  $1\n\t  "a"\n'), 'seq $1 \\\\"a\\\\" ');
  });

  it('wraps a new form in parentheses, its last bare stop made the final one', () => {
    const cases: [string, string][] = [
      ['delay $1 $2', '(delay $1 $0)'],
      ['seq\n  $1', '(seq\n  $0)'],
      ['within $1 $2 ${3:x}', '(within $1 $2 ${3:x})'],
      ['a $1 $0 $2', '(a $1 $0 $2)'],
      ['a $2 $1 $2', '(a $2 $1 $2)'],
      ['a $12 $1', '(a $0 $1)'],
      ['a $1 $10 $1x', '(a $1 $0 $1x)'],
      ['a $9 $10', '(a $9 $0)'],
      ['a $3 $30', '(a $3 $0)'],
      ['event', '(event)'],
      ['a ${2} $1', '(a ${2} $1)'],
    ];
    assert.deepEqual(
      cases.map(([body]) => [body, newFormSnippet(body)]),
      cases,
    );
  });
});
