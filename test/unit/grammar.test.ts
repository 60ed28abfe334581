// TextMate grammars of the manifest, tokenised by the same engine VS Code uses: the flow grammar
// on its own, and the injection that colours flow code inside pattern-file strings.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, Registry, StateStack, parseRawGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: GrammarContribution[] };
};
const contributions = manifest.contributes.grammars;
/** VS Code ships `source.json`; the tests use a stand-in with the same scope names. */
const grammarPaths = new Map<string, string>([['source.json', join(root, 'test/fixtures/grammars/json.tmLanguage.json')]]);
for (const c of contributions) grammarPaths.set(c.scopeName, join(root, c.path));

function createRegistry(): Registry {
  const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  return new Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const path = grammarPaths.get(scopeName);
      return path === undefined ? null : parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName) =>
      contributions.filter((c) => c.injectTo?.includes(scopeName)).map((c) => c.scopeName),
  });
}

interface Token {
  line: number;
  start: number;
  end: number;
  scopes: string[];
}

function tokenise(grammar: IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let stack: StateStack = INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    for (const t of result.tokens) tokens.push({ line, start: t.startIndex, end: t.endIndex, scopes: t.scopes });
    stack = result.ruleStack;
  });
  return tokens;
}

function locate(text: string, needle: string, occurrence: number): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `${needle} #${occurrence} not in sample`);
  }
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1) };
}

function scopesAt(tokens: Token[], line: number, column: number): string[] {
  return tokens.find((t) => t.line === line && t.start <= column && column < t.end)?.scopes ?? [];
}

/** Scopes at each character of the `occurrence`-th appearance of `needle` in `text`. */
function scopesOver(tokens: Token[], text: string, needle: string, occurrence = 0): string[][] {
  const { line, column } = locate(text, needle, occurrence);
  const result: string[][] = [];
  for (let c = column; c < column + needle.length; c++) result.push(scopesAt(tokens, line, c));
  return result;
}

function scopeAfter(tokens: Token[], text: string, needle: string, occurrence = 0): string[] {
  const { line, column } = locate(text, needle, occurrence);
  return scopesAt(tokens, line, column + needle.length);
}

/** Every character of `needle` carries `scope`, and (unless `open`) the character after it does not. */
function assertScope(tokens: Token[], text: string, needle: string, scope: string, occurrence = 0, open = false): void {
  for (const scopes of scopesOver(tokens, text, needle, occurrence)) {
    assert.ok(scopes.includes(scope), `${needle}: expected ${scope} in ${scopes.join(' ')}`);
  }
  if (!open) {
    assert.ok(!scopeAfter(tokens, text, needle, occurrence).includes(scope), `${scope} runs past ${needle}`);
  }
}

const flowSample = [
  ';; Then',
  '(seq',
  '  (send twilio sms {:to-phone-number *phone-number*',
  '                    :from-phone-number "1-506-555-\\"1234\\""}',
  '        (template {:message +TM1})',
  '        (retries 2))',
  '  (delay 5 minutes) ; wait a bit',
  '  (await twilio call-status {:sid $sid} (if (= $status "done") (success (set ok true)) (failure nil)))',
  '  (par (event {:x -1.5, :y false}) (within 3 hours (and (not x) (> count 2)))))',
  '"a string',
  'over two lines"',
].join('\n');

describe('cxflow grammar', () => {
  let tokens: Token[];
  before(async () => {
    const grammar = await createRegistry().loadGrammar('source.cxflow');
    assert.ok(grammar);
    tokens = tokenise(grammar, flowSample);
  });

  it('colours operators at the head of a list by kind', () => {
    assertScope(tokens, flowSample, 'seq', 'keyword.control.flow.cxflow');
    assertScope(tokens, flowSample, 'send', 'keyword.other.action.cxflow');
    assertScope(tokens, flowSample, 'template', 'keyword.other.action.cxflow');
    assertScope(tokens, flowSample, 'retries', 'keyword.control.flow.cxflow');
    assertScope(tokens, flowSample, 'await', 'keyword.other.action.cxflow');
    assertScope(tokens, flowSample, 'success', 'keyword.control.flow.cxflow');
    assertScope(tokens, flowSample, 'and', 'keyword.operator.logical.cxflow');
    assertScope(tokens, flowSample, '=', 'keyword.operator.comparison.cxflow');
    assertScope(tokens, flowSample, '>', 'keyword.operator.comparison.cxflow');
  });

  it('names the integration and message of a send', () => {
    assertScope(tokens, flowSample, 'twilio', 'entity.name.type.integration.cxflow');
    assertScope(tokens, flowSample, 'sms', 'entity.name.function.message.cxflow');
    assertScope(tokens, flowSample, 'call-status', 'entity.name.function.message.cxflow');
  });

  it('colours keywords, strings with escapes, numbers, booleans and nil', () => {
    assertScope(tokens, flowSample, ':to-phone-number', 'constant.other.keyword.cxflow');
    assertScope(tokens, flowSample, '"1-506-555-\\"1234\\""', 'string.quoted.double.cxflow');
    assertScope(tokens, flowSample, '\\"', 'constant.character.escape.cxflow');
    assertScope(tokens, flowSample, '2', 'constant.numeric.cxflow', 1);
    assertScope(tokens, flowSample, '-1.5', 'constant.numeric.cxflow');
    assertScope(tokens, flowSample, 'true', 'constant.language.boolean.cxflow');
    assertScope(tokens, flowSample, 'nil', 'constant.language.nil.cxflow');
    assertScope(tokens, flowSample, 'minutes', 'support.constant.unit.cxflow');
    assertScope(tokens, flowSample, ',', 'punctuation.separator.comma.cxflow', 0);
  });

  it('colours event-record, response and template values', () => {
    assertScope(tokens, flowSample, '*phone-number*', 'variable.other.event-record.cxflow');
    assertScope(tokens, flowSample, '$sid', 'variable.other.response.cxflow');
    assertScope(tokens, flowSample, '+TM1', 'constant.other.template-reference.cxflow');
    assertScope(tokens, flowSample, 'ok', 'variable.other.cxflow');
  });

  it('colours comments to the end of the line only', () => {
    assertScope(tokens, flowSample, ';; Then', 'comment.line.semicolon.cxflow');
    assertScope(tokens, flowSample, '; wait a bit', 'comment.line.semicolon.cxflow');
    assert.ok(!scopesOver(tokens, flowSample, '(await')[0].includes('comment.line.semicolon.cxflow'));
  });

  it('marks brackets and carries strings over lines', () => {
    assertScope(tokens, flowSample, '{', 'punctuation.section.map.begin.cxflow');
    assertScope(tokens, flowSample, '}', 'punctuation.section.map.end.cxflow');
    assertScope(tokens, flowSample, '(', 'punctuation.section.list.begin.cxflow');
    assertScope(tokens, flowSample, 'over two lines"', 'string.quoted.double.cxflow');
  });

  it('does not mistake symbols holding digits or markers for other atoms', () => {
    const text = '(set sms2 a*b*) (event {:n 1e3})';
    return createRegistry()
      .loadGrammar('source.cxflow')
      .then((grammar) => {
        assert.ok(grammar);
        const t = tokenise(grammar, text);
        assertScope(t, text, 'sms2', 'variable.other.cxflow');
        assertScope(t, text, 'a*b*', 'variable.other.cxflow');
        assertScope(t, text, '1e3', 'constant.numeric.cxflow');
      });
  });
});

const additionsSample = [
  '(event {:priority #{"high" "medium"} :at #inst "2014-06-18" :id #app/id 7})',
  '(when (contains? result.sid "x") (even? pop-up.code) done?)',
  '#_(perform echo message',
  '   {:message ")"}) (delay 1 hours)',
  '(a #_"s)" #_word bee) #_',
  '(c #(inc %) #"re")',
].join('\n');

describe('cxflow grammar: the 4.2 forms', () => {
  const sample = '(def limit 5)\n(let [r (create twilio sms {:message $body} (timeout 5 minutes) (catch (perform echo message)))]\n  (when-let [x (fetch generic fetch)] (do (unless (>= $total limit) (delay 1 day)))))';
  let tokens: Token[];
  before(async () => {
    const grammar = await createRegistry().loadGrammar('source.cxflow');
    assert.ok(grammar);
    tokens = tokenise(grammar, sample);
  });

  it('colours the verbs with their integration and message, the bindings and the control forms', () => {
    for (const verb of ['create', 'perform', 'fetch']) assertScope(tokens, sample, verb, 'keyword.other.action.cxflow');
    assertScope(tokens, sample, 'twilio', 'entity.name.type.integration.cxflow');
    assertScope(tokens, sample, 'sms', 'entity.name.function.message.cxflow');
    assertScope(tokens, sample, 'generic', 'entity.name.type.integration.cxflow');
    for (const binding of ['def', 'let', 'when-let']) assertScope(tokens, sample, binding, 'keyword.other.action.cxflow');
    for (const control of ['timeout', 'catch', 'do', 'unless']) assertScope(tokens, sample, control, 'keyword.control.flow.cxflow');
    assertScope(tokens, sample, '>=', 'keyword.operator.comparison.cxflow');
  });
});

describe('cxflow grammar: sets, tags, discards, field access and predicates', () => {
  let tokens: Token[];
  before(async () => {
    const grammar = await createRegistry().loadGrammar('source.cxflow');
    assert.ok(grammar);
    tokens = tokenise(grammar, additionsSample);
  });

  it('marks a set\'s opener', () => {
    assertScope(tokens, additionsSample, '#{', 'punctuation.section.set.begin.cxflow');
    assertScope(tokens, additionsSample, '"high"', 'string.quoted.double.cxflow');
  });

  it('colours a tag, namespaced or not, and leaves its form as it is', () => {
    assertScope(tokens, additionsSample, '#inst', 'storage.type.tag.cxflow');
    assertScope(tokens, additionsSample, '#', 'punctuation.definition.tag.cxflow', 1);
    assertScope(tokens, additionsSample, '"2014-06-18"', 'string.quoted.double.cxflow');
    assertScope(tokens, additionsSample, '#app/id', 'storage.type.tag.cxflow');
    assertScope(tokens, additionsSample, '7', 'constant.numeric.cxflow');
  });

  it('reads a dropped form as a comment, to its own closer across lines, past brackets in its strings', () => {
    const dropped = ['#_(perform echo message', '   {:message ")"})'];
    assertScope(tokens, additionsSample, dropped[0], 'comment.block.discard.cxflow', 0, true);
    assertScope(tokens, additionsSample, dropped[1], 'comment.block.discard.cxflow');
    assert.ok(!scopesOver(tokens, additionsSample, 'perform')[0].includes('keyword.other.action.cxflow'));
    assertScope(tokens, additionsSample, 'delay', 'keyword.control.flow.cxflow');
    assertScope(tokens, additionsSample, '#_"s)"', 'comment.block.discard.cxflow');
    assertScope(tokens, additionsSample, '#_word', 'comment.block.discard.cxflow');
    assertScope(tokens, additionsSample, 'bee', 'variable.other.cxflow');
    // A `#_` whose form is on a later line: only the `#_` is marked.
    assertScope(tokens, additionsSample, '#_', 'punctuation.definition.comment.discard.cxflow', 3);
  });

  it('splits field access into the variable and its fields', () => {
    assertScope(tokens, additionsSample, 'result', 'variable.other.cxflow');
    assertScope(tokens, additionsSample, '.', 'punctuation.accessor.cxflow', 0);
    assertScope(tokens, additionsSample, 'sid', 'variable.other.property.cxflow');
    assertScope(tokens, additionsSample, 'pop-up', 'variable.other.cxflow');
    assertScope(tokens, additionsSample, 'code', 'variable.other.property.cxflow');
  });

  it('colours the predicates ending in `?`, and keeps the `?` in any symbol', () => {
    assertScope(tokens, additionsSample, 'contains?', 'support.function.predicate.cxflow');
    assertScope(tokens, additionsSample, 'even?', 'support.function.predicate.cxflow');
    assertScope(tokens, additionsSample, 'done?', 'variable.other.cxflow');
  });

  it('marks the `#` of a dispatch the reader does not take as invalid', () => {
    assert.ok(scopesOver(tokens, additionsSample, '#(')[0].includes('invalid.illegal.dispatch.cxflow'));
    assert.ok(scopesOver(tokens, additionsSample, '#"')[0].includes('invalid.illegal.dispatch.cxflow'));
    assertScope(tokens, additionsSample, 'inc', 'variable.other.cxflow');
    assertScope(tokens, additionsSample, '"re"', 'string.quoted.double.cxflow');
  });
});

const patternSample = [
  '[{',
  '  "name": "Escalate \\"platinum\\"",',
  '  "when": "(event (= customerSegment \\"plat \\\\\\"1\\\\\\"\\"))",',
  '  "then": "(send twilio sms {:to-phone-number *phone*\\n :message +TM1}) ; note \\\\ end",',
  '  "status": true,',
  '  "extra": { "when": "(send echo)" }',
  '}]',
].join('\n');

describe('flow injection in pattern files', () => {
  let tokens: Token[];
  before(async () => {
    const grammar = await createRegistry().loadGrammar('source.json.cxengage-pattern');
    assert.ok(grammar);
    tokens = tokenise(grammar, patternSample);
  });

  it('keeps the property names JSON keys', () => {
    assertScope(tokens, patternSample, '"when"', 'support.type.property-name.json');
    assertScope(tokens, patternSample, '"then"', 'support.type.property-name.json');
  });

  it('highlights the flow code of when and then strings', () => {
    assertScope(tokens, patternSample, 'event', 'keyword.other.action.cxflow');
    assertScope(tokens, patternSample, '=', 'keyword.operator.comparison.cxflow');
    assertScope(tokens, patternSample, 'send', 'keyword.other.action.cxflow');
    assertScope(tokens, patternSample, 'twilio', 'entity.name.type.integration.cxflow');
    assertScope(tokens, patternSample, ':to-phone-number', 'constant.other.keyword.cxflow');
    assertScope(tokens, patternSample, '*phone*', 'variable.other.event-record.cxflow');
    assertScope(tokens, patternSample, '+TM1', 'constant.other.template-reference.cxflow');
    assertScope(tokens, patternSample, ':message', 'constant.other.keyword.cxflow');
    assertScope(tokens, patternSample, '(event', 'meta.embedded.inline.cxflow', 0, true);
  });

  it('leaves flow code outside string scopes, so the editor matches and closes its brackets', () => {
    for (const scopes of scopesOver(tokens, patternSample, '(send twilio sms {')) {
      assert.ok(!scopes.some((s) => s.startsWith('string.')), scopes.join(' '));
      assert.ok(scopes.includes('meta.embedded.inline.cxflow'));
    }
  });

  it('reads escaped quotes as flow strings with their own escapes', () => {
    const flowString = '\\"plat \\\\\\"1\\\\\\"\\"';
    assertScope(tokens, patternSample, flowString, 'string.quoted.double.cxflow');
    assertScope(tokens, patternSample, '\\\\\\"', 'constant.character.escape.cxflow');
    // The JSON string closes after the flow string, and the list bracket after it is flow code.
    assert.ok(!scopeAfter(tokens, patternSample, flowString).includes('string.quoted.double.cxflow'));
  });

  it('ends a comment at the closing quote of the JSON string', () => {
    assertScope(tokens, patternSample, '; note \\\\ end', 'comment.line.semicolon.cxflow');
    const closing = scopeAfter(tokens, patternSample, '; note \\\\ end');
    assert.ok(closing.includes('punctuation.definition.string.end.json'), closing.join(' '));
    assert.ok(!closing.includes('comment.line.semicolon.cxflow'));
  });

  it('keeps the JSON structure around the code: separators, no misplaced-character marks', () => {
    assert.ok(scopeAfter(tokens, patternSample, '\\"))"').includes('punctuation.separator.dictionary.pair.json'));
    const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid.')));
    assert.deepEqual(invalid, []);
  });

  it('highlights the code string of a 4.2 payload too', async () => {
    const text = '{"name": "Hello", "code": "(event {:type \\"hello\\"}) (perform echo message {:message \\"hi\\"})"}';
    const grammar = await createRegistry().loadGrammar('source.json.cxengage-pattern');
    assert.ok(grammar);
    const t = tokenise(grammar, text);
    assertScope(t, text, '"code"', 'support.type.property-name.json');
    assertScope(t, text, ':type', 'constant.other.keyword.cxflow');
    assertScope(t, text, '(event', 'meta.embedded.inline.cxflow', 0, true);
    assert.ok(!scopeAfter(t, text, '"Hello"').includes('meta.embedded.inline.cxflow'));
  });

  it('reads a value on the next line, and leaves a value that is not a string JSON', async () => {
    const text = ['{', '  "then":', '    "(delay 1 days)",', '  "when": 42', '}'].join('\n');
    const grammar = await createRegistry().loadGrammar('source.json.cxengage-pattern');
    assert.ok(grammar);
    const t = tokenise(grammar, text);
    assertScope(t, text, 'delay', 'keyword.control.flow.cxflow');
    assertScope(t, text, '42', 'constant.numeric.json');
    assert.deepEqual(t.filter((token) => token.scopes.some((s) => s.startsWith('invalid.'))), []);
  });

  it('leaves other strings, and objects nested in values, as plain JSON', () => {
    assert.ok(!scopesOver(tokens, patternSample, 'platinum')[0].includes('meta.embedded.inline.cxflow'));
    const nested = scopesOver(tokens, patternSample, 'send echo')[0];
    assert.ok(nested.includes('string.quoted.double.json'));
    assert.ok(!nested.includes('keyword.other.action.cxflow'));
    assertScope(tokens, patternSample, 'true', 'constant.language.json');
  });
});

describe('flow injection in pattern files: the reader additions', () => {
  const text = [
    '{"code": "x",',
    ' "then": "(send twilio sms {:to #{\\"1\\"} :at #inst \\"2014\\" :id result.sid}) #_(send echo message {:m \\")\\"}) (delay 1 hours)",',
    ' "when": "(event (even? $n)) #_\\n(event",',
    ' "status": true}',
  ].join('\n');
  let tokens: Token[];
  before(async () => {
    const grammar = await createRegistry().loadGrammar('source.json.cxengage-pattern');
    assert.ok(grammar);
    tokens = tokenise(grammar, text);
  });

  it('marks sets, tags, field access and predicates inside the strings', () => {
    assertScope(tokens, text, '#{', 'punctuation.section.set.begin.cxflow');
    assertScope(tokens, text, '#inst', 'storage.type.tag.cxflow');
    assertScope(tokens, text, 'sid', 'variable.other.property.cxflow');
    assertScope(tokens, text, 'even?', 'support.function.predicate.cxflow');
  });

  it('reads a dropped form as a comment to its closer, past an escaped string holding a bracket', () => {
    assertScope(tokens, text, '#_(send echo message {:m \\")\\"})', 'comment.block.discard.cxflow');
    assertScope(tokens, text, 'delay', 'keyword.control.flow.cxflow');
  });

  it('ends a dropped form at the JSON string\'s closing quote, so the JSON goes on', () => {
    assertScope(tokens, text, '#_\\n(event', 'comment.block.discard.cxflow');
    const closing = scopeAfter(tokens, text, '#_\\n(event');
    assert.ok(closing.includes('punctuation.definition.string.end.json'), closing.join(' '));
    assert.ok(!closing.includes('comment.block.discard.cxflow'));
    assert.ok(scopesOver(tokens, text, '"status"')[0].includes('support.type.property-name.json'));
    assert.deepEqual(tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid.'))), []);
  });
});

describe('flow language configuration', () => {
  const config = JSON.parse(readFileSync(join(root, 'syntaxes/language-configuration.json'), 'utf8')) as {
    wordPattern: string;
    comments: { lineComment: string };
  };
  const words = (line: string) => line.match(new RegExp(config.wordPattern, 'g')) ?? [];

  it('takes keywords, markers and punctuation-bearing symbols as single words', () => {
    assert.deepEqual(words('(send twilio sms {:to-phone-number *phone-number*, :ok? +TM1 :n -1.5 $call-id done!})'), [
      'send',
      'twilio',
      'sms',
      ':to-phone-number',
      '*phone-number*',
      ':ok?',
      '+TM1',
      ':n',
      '-1.5',
      '$call-id',
      'done!',
    ]);
  });

  it('comments lines with a semicolon', () => {
    assert.equal(config.comments.lineComment, ';');
  });
});
