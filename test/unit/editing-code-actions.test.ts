// Flow quick fixes from the data a diagnostic carries, each case a diagnostic written by hand over
// a needle of the text: suggestion lists with non-strings or of the wrong type, preferred or not,
// a key's spelling style, credential entries with a malformed range or no field name and the space
// removed around them, missing fields of an empty enum, forms no fix applies to, and the dialect
// comment offered only where the whole file reads clean as that dialect.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { flowCodeActions } from '../../server/src/service/flow/editing/features';
import { analysisContext } from '../../server/src/service/analysisContext';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex, crmWith } from '../support/definitions';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';
import { checkFlowDocument } from '../../server/src/service/flow';
import { applyAction } from '../support/flowContext';

// The crm note's optional `colour` made mandatory with an empty enum: a fix writes it without a value.
const ctx = analysisContext(crmIndex(crmWith(['"type": "optional", "enum": ["red", "green"]', '"type": "mandatory", "enum": []'])), 'file:///workspace/flow.cxflow', defaultSettings);

type Edit = [number, number, number, number, string];
type Fix = [string, boolean, Edit[]];

function shape(a: CodeAction): Fix {
  const edits = Object.values(a.edit?.changes ?? {})[0] ?? [];
  return [a.title, a.isPreferred === true, edits.map((e): Edit => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])];
}

/** The fixes for diagnostics of `codes` over the needles, each with its data. */
function fixes(text: string, kind: 'flow' | 'pattern', diagnostics: [string, string, Record<string, unknown>][]): Fix[] {
  const doc = documentOf(text, kind);
  const made = diagnostics.map(([code, needle, data]): Diagnostic => {
    const at = text.indexOf(needle);
    return { range: { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) }, message: code, source: 'cxengage', code, data };
  });
  return flowCodeActions(readFlow(doc), made[0].range, made, ctx).map(shape);
}

const at16to27 = { start: { line: 0, character: 16 }, end: { line: 0, character: 27 } };

const cases: [string, 'flow' | 'pattern', string, string, Record<string, unknown>, Fix[]][] = [
  ['(send twilio smss {})', 'flow', 'unknown-message', 'smss', { suggestions: ['sms', 1, 'call'] }, [['Change to `sms`', false, [[0, 13, 0, 17, 'sms']]], ['Change to `call`', false, [[0, 13, 0, 17, 'call']]]]],
  ['(send twilio smss {})', 'flow', 'unknown-message', 'smss', { suggestions: 'sms' }, []],
  ['(send twilio smss {})', 'flow', 'unknown-message', 'smss', { suggestions: ['sms'] }, [['Change to `sms`', true, [[0, 13, 0, 17, 'sms']]]]],
  ['(send twilio smss {})', 'flow', 'unbound-variable', 'smss', { suggestions: ['sms'] }, [['Change to `sms`', false, [[0, 13, 0, 17, 'sms']]]]],
  ['(send crm note {:colour "r"})', 'flow', 'invalid-enum-value', '"r"', { allowed: ['red'] }, [['Change to "red"', false, [[0, 24, 0, 27, '"red"']]]]],
  ['(send crm note {:colour "r"})', 'flow', 'invalid-enum-value', '"r"', { suggestions: ['red'], allowed: ['red', 'green'] }, [['Change to "red"', true, [[0, 24, 0, 27, '"red"']]]]],
  ['(send crm note {:colour "r"})', 'flow', 'invalid-enum-value', '"r"', { suggestions: ['red', 'rose'] }, [['Change to "red"', false, [[0, 24, 0, 27, '"red"']]], ['Change to "rose"', false, [[0, 24, 0, 27, '"rose"']]]]],
  ['(send crm note {"tex" 1})', 'flow', 'unknown-field', '"tex', { suggestions: ['text'] }, [['Change to "text"', true, [[0, 16, 0, 20, '"text"']]]]],
  ['(send crm note {:tex" 1})', 'flow', 'unknown-field', ':tex"', { suggestions: ['text'] }, [['Change to :text', true, [[0, 16, 0, 21, ':text']]]]],
  ['(send crm note {:secret "x" :text "a"})', 'flow', 'secret-inline', ':secret "x"', {}, []],
  ['(send crm note {:secret "x" :text "a"})', 'flow', 'secret-inline', ':secret "x"', { entryRange: {} }, []],
  ['(send crm note {:secret "x" :text "a"})', 'flow', 'secret-inline', ':secret "x"', { entryRange: { start: { line: 0, character: 'a' }, end: { line: 0, character: 27 } } }, []],
  ['(send crm note {:secret "x" :text "a"})', 'flow', 'secret-inline', ':secret "x"', { entryRange: { start: { line: 0, character: 16 } } }, []],
  ['(send crm note {:secret "x" :text "a"})', 'flow', 'secret-inline', ':secret "x"', { entryRange: at16to27 }, [['Remove the inline credential :credential', false, [[0, 16, 0, 28, '']]]]],
  ['(send crm note {:secret "x" :text "a"})', 'flow', 'secret-inline', ':secret "x"', { field: 'secret', entryRange: at16to27 }, [['Remove the inline credential :secret', false, [[0, 16, 0, 28, '']]]]],
  ['(send crm note {:text "a",  :secret "x"})', 'flow', 'secret-inline', ':secret "x"', { field: 3, entryRange: { start: { line: 0, character: 28 }, end: { line: 0, character: 39 } } }, [['Remove the inline credential :credential', false, [[0, 25, 0, 39, '']]]]],
  [':secret "x" ,  (x)', 'flow', 'secret-inline', ':secret "x"', { field: 'secret', entryRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } } }, [['Remove the inline credential :secret', false, [[0, 0, 0, 15, '']]]]],
  ['(send crm note {})', 'flow', 'missing-mandatory-field', '(send crm note {})', {}, [['Add mandatory fields :text, :colour', false, [[0, 16, 0, 16, ':text "" :colour ""']]]]],
  ['(seq (send crm note {}))', 'flow', 'missing-mandatory-field', '(seq', {}, []],
  ['(send crm note {:text "a" :colour "b"})', 'flow', 'missing-mandatory-field', '(send', {}, []],
  ['(send crm note "x")', 'flow', 'missing-mandatory-field', '(send', {}, []],
  ['(send crm note)', 'flow', 'missing-mandatory-field', '(send', {}, []],
  ['(def a 1)\n(seq (set a 2))', 'flow', 'wrong-dialect', 'seq', { replacements: ['do'], dialect: '4.0' }, [['Change to `do`', false, [[1, 1, 1, 4, 'do']]]]],
  ['(def a 1)\n(seq (set a 2))', 'flow', 'wrong-dialect', 'seq', { replacements: ['do', 7] }, [['Change to `do`', false, [[1, 1, 1, 4, 'do']]]]],
  ['(def a 1)\n(seq (set a 2))', 'flow', 'wrong-dialect', 'seq', { replacements: [], dialect: '4.1' }, []],
  ['(seq (set a 2))', 'flow', 'wrong-dialect', 'seq', { replacements: [], dialect: '4.1' }, [['Read this file as 4.1 (`; cxengage-dialect: 4.1` on its first line)', false, [[0, 0, 0, 0, '; cxengage-dialect: 4.1\n']]]]],
  ['(let [a 1] a)', 'flow', 'wrong-dialect', 'let', { replacements: [], dialect: '4.2' }, [['Read this file as 4.2 (`; cxengage-dialect: 4.2` on its first line)', false, [[0, 0, 0, 0, '; cxengage-dialect: 4.2\n']]]]],
  ['{"name": "p", "status": true, "when": "(event)", "then": "(seq)"}', 'pattern', 'unknown-form', '"name"', { suggestions: ['x'] }, []],
  ['{"nme": "p", "status": true}', 'pattern', 'unknown-pattern-key', '"nme"', { suggestions: ['name', 'note'] }, [['Rename to "name"', false, [[0, 1, 0, 6, '"name"']]], ['Rename to "note"', false, [[0, 1, 0, 6, '"note"']]]]],
  ['{"nme": "p", "status": true}', 'pattern', 'unknown-pattern-key', '"nme"', { suggestions: ['name'] }, [['Rename to "name"', true, [[0, 1, 0, 6, '"name"']]]]],
  ['{"name": "abc", "status": true}', 'pattern', 'json-syntax', '"abc"', { brokenString: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } } }, []],
  ['{"name": "a\nbc", "status": true}', 'pattern', 'json-syntax', '"a\nbc"', { brokenString: { start: { line: 0, character: 9 }, end: { line: 1, character: 3 } } }, [['Write the line breaks of this string as \\n', false, [[0, 11, 1, 0, '\\n']]]]],
  ['(send echo message {})', 'flow', 'no-such-code', 'echo', { suggestions: ['x'] }, []],
  ['{"name": "p", "status": true, "key": "k", "code": "(perform crm note {\\"tex\\" 1})"}', 'pattern', 'unknown-field', '\\"tex', { suggestions: ['text'] }, [['Change to "text"', true, [[0, 70, 0, 75, '\\"text\\"']]]]],
  ['(seq (set a 2) (send twillio sms {}))', 'flow', 'wrong-dialect', 'seq', { replacements: [], dialect: '4.1' }, [['Read this file as 4.1 (`; cxengage-dialect: 4.1` on its first line)', false, [[0, 0, 0, 0, '; cxengage-dialect: 4.1\n']]]]],
];

describe('flow quick fixes from diagnostic data', () => {
  it('offers exactly these fixes for each diagnostic', () => {
    for (const [text, kind, code, needle, data, expected] of cases) assert.deepEqual(fixes(text, kind, [[code, needle, data]]), expected, `${code} ${JSON.stringify(data)} in ${text}`);
  });

  it('tells for each dialect apart whether the file reads clean as it', () => {
    const text = '(seq (set a 2))';
    const read41: Fix = ['Read this file as 4.1 (`; cxengage-dialect: 4.1` on its first line)', false, [[0, 0, 0, 0, '; cxengage-dialect: 4.1\n']]];
    assert.deepEqual(
      fixes(text, 'flow', [
        ['wrong-dialect', 'seq', { replacements: [], dialect: '4.2' }],
        ['wrong-dialect', 'set', { replacements: [], dialect: '4.1' }],
        ['wrong-dialect', 'seq', { replacements: [], dialect: '4.1' }],
      ]),
      [read41, read41],
    );
  });

  it('adds the missing fields of the diagnostic the send check gives, lined up with the keys where the map is written a key a line', () => {
    const cases: [string, 'flow' | 'pattern', [string, string][]][] = [
      ['(send crm note {\n  })', 'flow', [['Add mandatory fields :text, :colour', '(send crm note {:text "" :colour ""\n  })']]],
      ['(send crm note {:x 1\n                :y 2})', 'flow', [['Add mandatory fields :text, :colour', '(send crm note {:x 1\n                :y 2\n                :text ""\n                :colour ""})']]],
      ['(send crm note {:x 1\n  })', 'flow', [['Add mandatory fields :text, :colour', '(send crm note {:x 1 :text "" :colour ""\n  })']]],
      ['  (send crm note {:x 1})', 'flow', [['Add mandatory fields :text, :colour', '  (send crm note {:x 1 :text "" :colour ""})']]],
      ['(create crm note)', 'flow', [['Add mandatory fields :text, :colour', '(create crm note {:text "" :colour ""})']]],
      ['(send crm note)', 'flow', []],
      ['(create crm note "x")', 'flow', [['Add mandatory fields :text, :colour', '(create crm note {:text "" :colour ""} "x")']]],
      ['{"name": "p", "status": true, "key": "k", "code": "(perform crm note {:x 1\\n :y 2})"}', 'pattern', [['Add mandatory fields :text, :colour', '{"name": "p", "status": true, "key": "k", "code": "(perform crm note {:x 1\\n :y 2 :text \\"\\" :colour \\"\\"})"}']]],
      ['(perform crm note {:text "a"\n                   :x 1})', 'flow', [['Add mandatory field :colour', '(perform crm note {:text "a"\n                   :x 1\n                   :colour ""})']]],
    ];
    for (const [text, kind, expected] of cases) {
      const doc = documentOf(text, kind);
      const diagnostics = checkFlowDocument(readFlow(doc), ctx).filter((d) => d.code === 'missing-mandatory-field');
      const actions = diagnostics.length === 0 ? [] : flowCodeActions(readFlow(doc), diagnostics[0].range, diagnostics, ctx);
      assert.deepEqual(actions.map((a) => [a.title, applyAction(doc, a)]), expected, text);
    }
  });
});
