// The flow features a cursor asks for, all at once from a table of cursors: highlights (with their
// kinds), the reference target, go-to-definition (a definition file's range, or the binding of a
// 4.2 variable), variable references, how many completion items, the hover's range and the active
// parameter; on interaction words, keys and values, malformed interactions, the 4.1 and 4.2 sides
// of variables, and a pattern file outside and inside its code strings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Range } from 'vscode-languageserver-types';
import {
  completeFlow,
  flowDefinition,
  flowHighlights,
  flowReferenceTarget,
  flowSignatureHelp,
  flowVariableReferences,
  hoverFlow,
} from '../../server/src/service/flow/editing/features';
import { FlowReferenceTarget } from '../../server/src/service/flow/editing/navigation';
import { analysisContext } from '../../server/src/service/analysisContext';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from '../support/definitions';
import { CompactRange, compactRange, withCursor } from '../support/documents';
import { readFlow } from '../support/service';

const ctx = analysisContext(crmIndex(), 'file:///workspace/flow.cxflow', defaultSettings);

interface Answers {
  highlights: [number, number, number, number, number | undefined][];
  target: FlowReferenceTarget | null;
  /** Each location as [file name, or `this` for the flow itself, ...range]. */
  definition: [string, ...CompactRange][];
  variableReferences: CompactRange[];
  completions: number;
  hover: CompactRange | null;
  activeParameter: number | null;
}

function answers(text: string, kind: 'flow' | 'pattern' = 'flow'): Answers {
  const { doc, position } = withCursor(text, kind);
  const flowDoc = readFlow(doc);
  const hover = hoverFlow(flowDoc, position, ctx);
  const help = flowSignatureHelp(flowDoc, position, ctx);
  return {
    highlights: flowHighlights(flowDoc, position, ctx).map((h) => [...compactRange(h.range), h.kind]),
    target: flowReferenceTarget(flowDoc, position, ctx)?.target ?? null,
    definition: flowDefinition(flowDoc, position, ctx).map((l) => [l.uri === doc.uri ? 'this' : l.uri.slice(l.uri.lastIndexOf('/') + 1), ...compactRange(l.range)]),
    variableReferences: flowVariableReferences(flowDoc, position, ctx, true).map((l) => compactRange(l.range)),
    completions: completeFlow(flowDoc, position, ctx, { snippets: false }).length,
    hover: hover?.range === undefined ? null : compactRange(hover.range as Range),
    activeParameter: help === null ? null : (help.activeParameter ?? null),
  };
}

const none = { highlights: [], target: null, definition: [], variableReferences: [] };

const cases: [string, 'flow' | 'pattern', Answers][] = [
  ['(send twilio sms {:message 1})\n(send twilio| sms {:message 2})', 'flow', { highlights: [[0, 6, 0, 12, 1], [1, 6, 1, 12, 1]], target: { type: 'twilio' }, definition: [['twilio.integration.json', 1, 11, 1, 19]], variableReferences: [], completions: 8, hover: [1, 6, 1, 12], activeParameter: 3 }],
  ['(send twilio sms {:message 1})\n(send twilio sms| {:message 2})', 'flow', { highlights: [[0, 13, 0, 16, 1], [1, 13, 1, 16, 1]], target: { type: 'twilio', message: 'sms' }, definition: [['twilio.integration.json', 36, 6, 36, 11]], variableReferences: [], completions: 4, hover: [1, 13, 1, 16], activeParameter: 3 }],
  ['(send twilio sms {:message 1})\n(send twilio sms {:message| 2})', 'flow', { highlights: [[0, 18, 0, 26, 1], [1, 18, 1, 26, 1]], target: { type: 'twilio', message: 'sms', field: 'message' }, definition: [['twilio.integration.json', 43, 8, 43, 17]], variableReferences: [], completions: 3, hover: [1, 18, 1, 26], activeParameter: 2 }],
  ['(send twilio sms {:message 1|})', 'flow', { ...none, completions: 0, hover: null, activeParameter: 2 }],
  ['{:message| 1}', 'flow', { ...none, completions: 5, hover: null, activeParameter: null }],
  ['(send "twilio" sms {:message| 1})', 'flow', { ...none, completions: 0, hover: null, activeParameter: null }],
  ['(send twilio "sms" {:message| 1})', 'flow', { ...none, completions: 0, hover: null, activeParameter: null }],
  ['(send "twilio"| sms)', 'flow', { ...none, completions: 8, hover: null, activeParameter: null }],
  ['(send twilio sms sms|)', 'flow', { ...none, completions: 0, hover: null, activeParameter: null }],
  ['(foo twilio|)', 'flow', { ...none, completions: 66, hover: null, activeParameter: null }],
  ['x|', 'flow', { ...none, completions: 66, hover: null, activeParameter: null }],
  ['(send crm note {"text"| 1})', 'flow', { highlights: [[0, 16, 0, 22, 1]], target: { type: 'crm', message: 'note', field: 'text' }, definition: [['crm.integration.json', 12, 8, 12, 14]], variableReferences: [], completions: 2, hover: [0, 16, 0, 22], activeParameter: 0 }],
  ['(send crm note {:text 1 2| 3})', 'flow', { ...none, completions: 0, hover: null, activeParameter: 2 }],
  ['(def a 1)\n(str a|)', 'flow', { highlights: [[0, 5, 0, 6, 3], [1, 5, 1, 6, 2]], target: null, definition: [['this', 0, 5, 0, 6]], variableReferences: [[0, 5, 0, 6], [1, 5, 1, 6]], completions: 67, hover: [1, 5, 1, 6], activeParameter: null }],
  ['(def a 1)\n(perform crm| note {:text a})', 'flow', { highlights: [[1, 9, 1, 12, 1]], target: { type: 'crm' }, definition: [['crm.integration.json', 1, 10, 1, 15]], variableReferences: [], completions: 8, hover: [1, 9, 1, 12], activeParameter: 2 }],
  ['(seq (set a 1) a|)', 'flow', { ...none, completions: 13, hover: [0, 15, 0, 16], activeParameter: null }],
  ['{|"name": "p", "status": true, "when": "(event)", "then": "(send crm note {})"}', 'pattern', { ...none, completions: 0, hover: null, activeParameter: null }],
  ['{"name": "p", "status": true, "when": "(event)", "then": "(send crm| note {})"}', 'pattern', { highlights: [[0, 64, 0, 67, 1]], target: { type: 'crm' }, definition: [['crm.integration.json', 1, 10, 1, 15]], variableReferences: [], completions: 8, hover: [0, 64, 0, 67], activeParameter: 2 }],
  [
    '(send)\n(send twilio)\n(send twilio sms {:message 1})\n(send twilio sms| {})',
    'flow',
    { highlights: [[2, 13, 2, 16, 1], [3, 13, 3, 16, 1]], target: { type: 'twilio', message: 'sms' }, definition: [['twilio.integration.json', 36, 6, 36, 11]], variableReferences: [], completions: 4, hover: [3, 13, 3, 16], activeParameter: 3 },
  ],
  [
    '(send)\n(send twilio)\n(send twilio sms {:message 1})\n(send twilio sms {:message| 2})',
    'flow',
    { highlights: [[2, 18, 2, 26, 1], [3, 18, 3, 26, 1]], target: { type: 'twilio', message: 'sms', field: 'message' }, definition: [['twilio.integration.json', 43, 8, 43, 17]], variableReferences: [], completions: 3, hover: [3, 18, 3, 26], activeParameter: 2 },
  ],
];

describe('flow features at a cursor', () => {
  it('answers each cursor exactly', () => {
    for (const [text, kind, expected] of cases) assert.deepEqual(answers(text, kind), expected, text);
  });
});
