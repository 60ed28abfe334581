// The flow service as the language service calls it: a flow or pattern document read into its
// regions (re-reading only what an edit touched), its checked diagnostics, and iteration over its
// interactions. Nothing here is cached: the document store owns every version's read and check.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Position } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { inDocumentOrder, makeDiagnostic } from '../diagnostics';
import { documentKind } from '../documentKind';
import { PatternFile, readPatternFile } from './embedding/patternFile';
import { FormAnalyses } from './analysis/formProblems';
import { dialectBecause, dialectSubject, regionDialect } from './analysis/dialect';
import { messages } from '../codes';
import { rereadFlow } from './syntax/incremental';
import { FlowProblem } from './analysis/problems';
import { FlowRead, readFlowWithBalance } from './syntax/reader';
import { FlowRegion, wholeDocumentRegion } from './embedding/region';
import { forEachInteraction, interactionAt, InteractionInfo, interactionInfo } from './analysis/interactions';
import { readerProblems } from './analysis/readerProblems';
import { unsuppressed } from './analysis/suppression';
import type { FlowNode } from './syntax/tree';

export type { FlowRegion, PayloadKey, Side } from './embedding/region';
export { nodeRange } from './embedding/region';
export type { InteractionInfo, NamedPart } from './analysis/interactions';
export { sideOf } from './analysis/sides';

export interface FlowDocument {
  uri: string;
  version: number;
  /** `flow` for a `.cxflow` file (one region over the whole text), `pattern` for a `*.pattern.json`. */
  kind: 'flow' | 'pattern';
  document: TextDocument;
  /** The flow code of the document: one region for a `.cxflow`, one per `code`/`when`/`then` string of a pattern file. */
  regions: FlowRegion[];
  /** Pattern files: the payload as the JSON service read it. */
  pattern?: PatternFile;
  /** Pattern files: problems found while reading the JSON, already placed in the document. */
  fileProblems: Diagnostic[];
  /** `.cxflow` files: the read the next version's read takes over (re-reading only the forms an edit touches). */
  read?: FlowRead;
}

/**
 * Reads a flow or pattern document. `previous`: the read of the document's version before, which
 * this read takes over (it must not be used again). Pattern files are read whole: their code sits
 * in JSON strings.
 */
export function readFlowDocument(doc: TextDocument, previous?: FlowRead): FlowDocument {
  const base = { uri: doc.uri, version: doc.version, document: doc };
  if (documentKind(doc.uri, doc.languageId) === 'pattern') {
    const pattern = readPatternFile(doc);
    return { ...base, kind: 'pattern', regions: pattern.regions, pattern, fileProblems: pattern.problems };
  }
  const read = previous === undefined ? readFlowWithBalance(doc.getText()) : rereadFlow(previous, doc.getText());
  return { ...base, kind: 'flow', regions: [wholeDocumentRegion(doc, read.tree, previous !== undefined)], fileProblems: [], read };
}

/** The model of a flow or pattern document that is not read (a guard stopped it): no code at all. */
export function emptyFlowDocument(doc: TextDocument, kind: 'flow' | 'pattern'): FlowDocument {
  return { uri: doc.uri, version: doc.version, kind, document: doc, regions: [], fileProblems: [] };
}

/** The region holding a document offset (its edges included), if the offset is in flow code. */
export function regionAt(flowDoc: FlowDocument, docOffset: number): FlowRegion | undefined {
  return flowDoc.regions.find((r) => docOffset >= r.docStart && docOffset <= r.docEnd);
}

/** Code offset of a document position, for a position inside the region. */
export function offsetInRegion(flowDoc: FlowDocument, region: FlowRegion, position: Position): number {
  return region.toRegionOffset(flowDoc.document.offsetAt(position));
}

/** Calls `visit` for every interaction (`send`, `await`) of the document, in source order. */
export function forEachFlowInteraction(flowDoc: FlowDocument, visit: (interaction: InteractionInfo) => void): void {
  for (const region of flowDoc.regions) forEachInteraction(region, (interaction) => visit(interactionInfo(region, interaction)));
}

/** The innermost interaction at a document offset: inside it or at its `(` (see `interactionAt`). */
export function flowInteractionAt(flowDoc: FlowDocument, docOffset: number): InteractionInfo | undefined {
  const region = regionAt(flowDoc, docOffset);
  if (region === undefined) return undefined;
  const interaction = interactionAt(region, region.toRegionOffset(docOffset));
  return interaction === undefined ? undefined : interactionInfo(region, interaction);
}

/** Every interaction of the document. */
export function flowInteractions(flowDoc: FlowDocument): InteractionInfo[] {
  const interactions: InteractionInfo[] = [];
  forEachFlowInteraction(flowDoc, (s) => interactions.push(s));
  return interactions;
}

function toDiagnostic(region: FlowRegion, problem: FlowProblem): Diagnostic {
  let data = problem.data;
  if (problem.dataRanges !== undefined) {
    data = { ...data };
    for (const [name, r] of Object.entries(problem.dataRanges)) data[name] = region.range(r.start, r.end);
  }
  if (problem.code === 'missing-mandatory-field') data = { ...data, embedded: region.embedded };
  return makeDiagnostic(problem.code, region.range(problem.start, problem.end), problem.message, data);
}

/** A region's problems that the user will see: not silenced by a comment nor turned off, in code order. */
function regionProblems(region: FlowRegion, ctx: AnalysisContext, analyses: FormAnalyses): FlowProblem[] {
  const dialect = regionDialect(region, ctx.settings.flow.dialect);
  const found: FlowProblem[] = [];
  // Only a form holding a reader error needs its credential values kept (its errors must not quote them).
  const withErrors = region.tree.errors.length > 0;
  const secrets = new Map<FlowNode, readonly { start: number; end: number }[]>();
  // Why the code is read as its dialect: said here, as the reason's line moves with edits elsewhere.
  let readAs: string | undefined;
  analyses.forEachForm(region, ctx, dialect.version, (form, problems, formSecrets) => {
    if (withErrors && formSecrets.length > 0) secrets.set(form, formSecrets);
    for (const p of problems) {
      if (p.code !== 'wrong-dialect') found.push(p);
      else {
        readAs ??= messages.readAs(dialectSubject(region), dialect.version, dialectBecause(dialect, region));
        found.push({ ...p, message: p.message + readAs });
      }
    }
  });
  const problems = readerProblems(region, (form) => secrets.get(form) ?? []);
  for (const p of found) problems.push(p);
  const severity = ctx.settings.severity;
  return unsuppressed(problems, region.tree)
    .filter((p) => severity[p.code] !== 'off')
    .sort((a, b) => a.start - b.start);
}
export interface FlowCheck {
  /** The first diagnostics in document order: `limit` of them, and the first one past it if there is one. */
  diagnostics: Diagnostic[];
  /** How many there are in all. */
  total: number;
}

/**
 * Reader, analyser and suppression comments over a flow or pattern document, with the codes the
 * settings turn off left out; re-grading the rest is the caller's. Only the first `limit` (and
 * one more) are placed in the document: a file of a hundred thousand problems costs no more than
 * their count past that. `analyses`: the problems of the document's last check, reused for the
 * forms an edit left alone. `more`: diagnostics of the document found elsewhere (a pattern file's
 * JSON), merged in by position.
 */
export function checkFlowDocumentWithin(
  flowDoc: FlowDocument,
  ctx: AnalysisContext,
  analyses: FormAnalyses,
  limit: number,
  more: readonly Diagnostic[] = [],
): FlowCheck {
  analyses.startCheck();
  const severity = ctx.settings.severity;
  const fileProblems = inDocumentOrder([...flowDoc.fileProblems, ...more].filter((d) => severity[d.code as keyof typeof severity] !== 'off'));
  const regions = flowDoc.regions.map((region) => ({ region, problems: regionProblems(region, ctx, analyses) }));
  let total = fileProblems.length;
  for (const r of regions) total += r.problems.length;

  // Regions lie in document order and apart: merge them with the file's own problems by position.
  const diagnostics: Diagnostic[] = [];
  let f = 0;
  const before = (a: Diagnostic, b: Diagnostic) =>
    a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character <= b.range.start.character);
  for (const { region, problems } of regions) {
    for (const problem of problems) {
      if (diagnostics.length > limit) break;
      const next = toDiagnostic(region, problem);
      while (f < fileProblems.length && diagnostics.length <= limit && before(fileProblems[f], next)) diagnostics.push(fileProblems[f++]);
      if (diagnostics.length <= limit) diagnostics.push(next);
    }
  }
  while (f < fileProblems.length && diagnostics.length <= limit) diagnostics.push(fileProblems[f++]);
  return { diagnostics, total };
}

/** Every diagnostic of a flow or pattern document, in document order (see `checkFlowDocumentWithin`). */
export function checkFlowDocument(flowDoc: FlowDocument, ctx: AnalysisContext, analyses = new FormAnalyses()): Diagnostic[] {
  return checkFlowDocumentWithin(flowDoc, ctx, analyses, Infinity).diagnostics;
}
