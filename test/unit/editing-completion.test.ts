// Flow completion items compared whole (label, kind, edit, filter text, detail, sort text, label
// details, snippet format and insert mode; the documentation by its kind): forms, enum values with
// the variables and event fields beside them, the edit range of open and closed strings,
// integrations with an endpoint only, messages, fields given by templates or typed before a value,
// the *all mandatory fields* item after `:` and after a bare word, and pattern-map keys.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupContent } from 'vscode-languageserver-types';
import { analysisContext } from '../../server/src/service/analysisContext';
import { completeFlow } from '../../server/src/service/flow/editing/features';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from '../support/definitions';
import { CompactRange, withCursor } from '../support/documents';
import { readFlow } from '../support/service';

const ctx = analysisContext(crmIndex(), 'file:///workspace/flow.cxflow', defaultSettings);

type Row = Omit<CompletionItem, 'documentation'> & { documentation?: string };

/** An item inserting `newText` over `range`; its filter text is `newText` unless `rest` says. */
function item(label: string, kind: CompletionItem['kind'], newText: string, [sl, sc, el, ec]: CompactRange, rest: Partial<Row>): Row {
  const range = { start: { line: sl, character: sc }, end: { line: el, character: ec } };
  return { label, kind, filterText: newText, textEdit: { range, newText }, ...rest };
}

/** The items at the `|` (the first `count` when given), the documentation by its kind. */
function completions(text: string, snippets: boolean, count?: number): Row[] {
  const { doc, position } = withCursor(text, 'flow');
  const found = completeFlow(readFlow(doc), position, ctx, { snippets });
  return found.slice(0, count ?? found.length).map((i) => {
    const { documentation, ...rest } = i;
    return documentation === undefined ? rest : { ...rest, documentation: (documentation as MarkupContent).kind };
  });
}

const cases: [string, boolean, number | undefined, Row[]][] = [
    [
      ';; Then\n(se|)',
      false,
      2,
      [
        item('send', CompletionItemKind.Keyword, 'send', [1, 1, 1, 3], { documentation: 'markdown', detail: '(send <integration> <message> {<params>} <options>*)', sortText: '000' }),
        item('await', CompletionItemKind.Keyword, 'await', [1, 1, 1, 3], { documentation: 'markdown', detail: '(await <integration> <message> {<params>} (if <pred> (success ...) (failure ...)) (within n unit))', sortText: '001' }),
      ],
    ],
    [
      ';; Then\n(seq |)',
      true,
      2,
      [
        item('send', CompletionItemKind.Keyword, '(send $0)', [1, 5, 1, 5], { filterText: 'send', documentation: 'markdown', detail: '(send <integration> <message> {<params>} <options>*)', sortText: '000', insertTextFormat: InsertTextFormat.Snippet }),
        item('await', CompletionItemKind.Keyword, '(await $1\n  (if $2\n    (success $3)\n    (failure $4))\n  (within $0))', [1, 5, 1, 5], { filterText: 'await', documentation: 'markdown', detail: '(await <integration> <message> {<params>} (if <pred> (success ...) (failure ...)) (within n unit))', sortText: '001', insertTextFormat: InsertTextFormat.Snippet }),
      ],
    ],
    [
      '(def v 1)\n(event {:kind "a"})\n(perform crm note {:colour "r|"})',
      false,
      undefined,
      [
        item('red', CompletionItemKind.EnumMember, '"red"', [2, 27, 2, 30], { detail: 'colour value', sortText: '0000' }),
        item('green', CompletionItemKind.EnumMember, '"green"', [2, 27, 2, 30], { detail: 'colour value', sortText: '0001' }),
      ],
    ],
    [
      '(def v 1)\n(event {:kind "a"})\n(perform crm note {:colour r|})',
      false,
      undefined,
      [
        item('red', CompletionItemKind.EnumMember, '"red"', [2, 27, 2, 28], { detail: 'colour value', sortText: '0000' }),
        item('green', CompletionItemKind.EnumMember, '"green"', [2, 27, 2, 28], { detail: 'colour value', sortText: '0001' }),
        item('v', CompletionItemKind.Variable, 'v', [2, 27, 2, 28], { detail: 'global (`def` at line 1)', sortText: '!0000' }),
        item('$kind', CompletionItemKind.Field, '$kind', [2, 27, 2, 28], { detail: 'event field', sortText: '"kind' }),
      ],
    ],
    [
      '(def v 1)\n(event {:kind "a"})\n(perform crm note {:colour "r|',
      false,
      undefined,
      [
        item('red', CompletionItemKind.EnumMember, '"red"', [2, 27, 2, 29], { detail: 'colour value', sortText: '0000' }),
        item('green', CompletionItemKind.EnumMember, '"green"', [2, 27, 2, 29], { detail: 'colour value', sortText: '0001' }),
      ],
    ],
    [
      '(def v 1)\n(perform crm note {:colour :r|})',
      false,
      undefined,
      [

      ],
    ],
    [
      '(def v 1)\n(perform crm note {:colour 1|})',
      false,
      undefined,
      [

      ],
    ],
    [
      '(send crm note {:colour "r|ed"})',
      false,
      undefined,
      [
        item('red', CompletionItemKind.EnumMember, '"red"', [0, 24, 0, 29], { detail: 'colour value', sortText: '0000' }),
        item('green', CompletionItemKind.EnumMember, '"green"', [0, 24, 0, 29], { detail: 'colour value', sortText: '0001' }),
      ],
    ],
    [
      '(send |)',
      false,
      undefined,
      [
        item('echo', CompletionItemKind.Module, 'echo', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Echo' }),
        item('generic', CompletionItemKind.Module, 'generic', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Generic' }),
        item('pusher', CompletionItemKind.Module, 'pusher', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Pusher' }),
        item('salesforce', CompletionItemKind.Module, 'salesforce', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Salesforce' }),
        item('sendgrid', CompletionItemKind.Module, 'sendgrid', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Sendgrid' }),
        item('timer', CompletionItemKind.Module, 'timer', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Timer Endpoint' }),
        item('twilio', CompletionItemKind.Module, 'twilio', [0, 6, 0, 6], { documentation: 'markdown', detail: 'Twilio' }),
        item('crm', CompletionItemKind.Module, 'crm', [0, 6, 0, 6], { documentation: 'markdown', detail: 'CRM' }),
      ],
    ],
    [
      '(send "crm" |)',
      false,
      undefined,
      [

      ],
    ],
    [
      '(send crm |)',
      false,
      undefined,
      [
        item('note', CompletionItemKind.Method, 'note', [0, 10, 0, 10], { documentation: 'markdown', detail: 'crm message: 2 fields, 1 mandatory' }),
      ],
    ],
    [
      '(send crm smss {|})',
      false,
      undefined,
      [

      ],
    ],
    [
      '(send crm smss {:colour |})',
      false,
      undefined,
      [

      ],
    ],
    [
      '(send crm note {:te| "x"})',
      true,
      undefined,
      [
        item(':text', CompletionItemKind.Field, ':text', [0, 16, 0, 19], { documentation: 'markdown', detail: 'mandatory field', labelDetails: { detail: ' (mandatory)' }, sortText: '00000' }),
        item(':colour', CompletionItemKind.Field, ':colour', [0, 16, 0, 19], { documentation: 'markdown', detail: 'optional field', sortText: '10001' }),
      ],
    ],
    [
      '(send crm note {:|})',
      true,
      undefined,
      [
        item(':text', CompletionItemKind.Field, ':text "$1"', [0, 16, 0, 17], { filterText: ':text', documentation: 'markdown', detail: 'mandatory field', labelDetails: { detail: ' (mandatory)' }, sortText: '00000', insertTextFormat: InsertTextFormat.Snippet }),
        item(':colour', CompletionItemKind.Field, ':colour "${1|red,green|}"', [0, 16, 0, 17], { filterText: ':colour', documentation: 'markdown', detail: 'optional field', sortText: '10001', insertTextFormat: InsertTextFormat.Snippet }),
        item('all mandatory fields', CompletionItemKind.Snippet, ':text "$1"', [0, 16, 0, 17], { filterText: ':all mandatory fields', detail: 'text', sortText: '/', insertTextMode: InsertTextMode.asIs, insertTextFormat: InsertTextFormat.Snippet }),
      ],
    ],
    [
      '(send crm note {t|})',
      false,
      undefined,
      [
        item(':text', CompletionItemKind.Field, ':text', [0, 16, 0, 17], { documentation: 'markdown', detail: 'mandatory field', labelDetails: { detail: ' (mandatory)' }, sortText: '00000' }),
        item(':colour', CompletionItemKind.Field, ':colour', [0, 16, 0, 17], { documentation: 'markdown', detail: 'optional field', sortText: '10001' }),
        item('all mandatory fields', CompletionItemKind.Snippet, ':text ""', [0, 16, 0, 17], { filterText: 'all mandatory fields', detail: 'text', sortText: '/', insertTextMode: InsertTextMode.asIs }),
      ],
    ],
    [
      '(send crm note {:text "a" |})',
      true,
      undefined,
      [
        item(':colour', CompletionItemKind.Field, ':colour "${1|red,green|}"', [0, 26, 0, 26], { filterText: ':colour', documentation: 'markdown', detail: 'optional field', sortText: '10000', insertTextFormat: InsertTextFormat.Snippet }),
      ],
    ],
    [
      '(send crm note {} (template {:text "a"}) (template {|}))',
      false,
      undefined,
      [
        item(':colour', CompletionItemKind.Field, ':colour', [0, 52, 0, 52], { documentation: 'markdown', detail: 'optional field', sortText: '10000' }),
      ],
    ],
    [
      '[{:name "x" :|}]',
      true,
      undefined,
      [
        item(':description', CompletionItemKind.Property, ':description "$1"', [0, 12, 0, 13], { filterText: ':description', detail: 'what the pattern is for', sortText: '0', insertTextFormat: InsertTextFormat.Snippet }),
        item(':status', CompletionItemKind.Property, ':status ${1|true,false|}', [0, 12, 0, 13], { filterText: ':status', detail: 'whether the pattern is active', sortText: '1', insertTextFormat: InsertTextFormat.Snippet }),
        item(':when', CompletionItemKind.Property, ':when ($1)', [0, 12, 0, 13], { filterText: ':when', detail: 'the events that trigger it', sortText: '2', insertTextFormat: InsertTextFormat.Snippet }),
        item(':then', CompletionItemKind.Property, ':then ($1)', [0, 12, 0, 13], { filterText: ':then', detail: 'the reaction', sortText: '3', insertTextFormat: InsertTextFormat.Snippet }),
      ],
    ],
    [
      '[{:name "x" :wh| (a)}]',
      true,
      undefined,
      [
        item(':description', CompletionItemKind.Property, ':description', [0, 12, 0, 15], { detail: 'what the pattern is for', sortText: '0' }),
        item(':status', CompletionItemKind.Property, ':status', [0, 12, 0, 15], { detail: 'whether the pattern is active', sortText: '1' }),
        item(':when', CompletionItemKind.Property, ':when', [0, 12, 0, 15], { detail: 'the events that trigger it', sortText: '2' }),
        item(':then', CompletionItemKind.Property, ':then', [0, 12, 0, 15], { detail: 'the reaction', sortText: '3' }),
      ],
    ],
    [
      '[{:name "x" :when (a) |}]',
      false,
      undefined,
      [
        item(':description', CompletionItemKind.Property, ':description', [0, 22, 0, 22], { detail: 'what the pattern is for', sortText: '0' }),
        item(':status', CompletionItemKind.Property, ':status', [0, 22, 0, 22], { detail: 'whether the pattern is active', sortText: '1' }),
        item(':then', CompletionItemKind.Property, ':then', [0, 22, 0, 22], { detail: 'the reaction', sortText: '2' }),
      ],
    ],
    [
      '(send crm note {:text| "x"})',
      false,
      undefined,
      [
        item(':text', CompletionItemKind.Field, ':text', [0, 16, 0, 21], { documentation: 'markdown', detail: 'mandatory field', labelDetails: { detail: ' (mandatory)' }, sortText: '00000' }),
        item(':colour', CompletionItemKind.Field, ':colour', [0, 16, 0, 21], { documentation: 'markdown', detail: 'optional field', sortText: '10001' }),
      ],
    ],
    [
      '(send crm note {:colour "red" :te| "x"})',
      true,
      undefined,
      [
        item(':text', CompletionItemKind.Field, ':text', [0, 30, 0, 33], { documentation: 'markdown', detail: 'mandatory field', labelDetails: { detail: ' (mandatory)' }, sortText: '00000' }),
      ],
    ],
    [
      '[{:name "x" :when| (a)}]',
      false,
      undefined,
      [
        item(':description', CompletionItemKind.Property, ':description', [0, 12, 0, 17], { detail: 'what the pattern is for', sortText: '0' }),
        item(':status', CompletionItemKind.Property, ':status', [0, 12, 0, 17], { detail: 'whether the pattern is active', sortText: '1' }),
        item(':when', CompletionItemKind.Property, ':when', [0, 12, 0, 17], { detail: 'the events that trigger it', sortText: '2' }),
        item(':then', CompletionItemKind.Property, ':then', [0, 12, 0, 17], { detail: 'the reaction', sortText: '3' }),
      ],
    ],

    [
      '(def v 1)\n(perform crm note {:colour r|ed})',
      false,
      undefined,
      [
        item('red', CompletionItemKind.EnumMember, '"red"', [1, 27, 1, 30], { detail: 'colour value', sortText: '0000' }),
        item('green', CompletionItemKind.EnumMember, '"green"', [1, 27, 1, 30], { detail: 'colour value', sortText: '0001' }),
        item('v', CompletionItemKind.Variable, 'v', [1, 27, 1, 30], { detail: 'global (`def` at line 1)', sortText: '!0000' }),
      ],
    ],
    [
      '(def v 1)\n(perform crm note {:colour "r|ed',
      false,
      undefined,
      [
        item('red', CompletionItemKind.EnumMember, '"red"', [1, 27, 1, 29], { detail: 'colour value', sortText: '0000' }),
        item('green', CompletionItemKind.EnumMember, '"green"', [1, 27, 1, 29], { detail: 'colour value', sortText: '0001' }),
      ],
    ],
];

describe('flow completion: whole items', () => {
  it('gives each cursor its exact items', () => {
    for (const [text, snippets, count, expected] of cases) assert.deepEqual(completions(text, snippets, count), expected, text);
  });
});
