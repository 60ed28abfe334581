// The flow service as the server and the CLI call it: the parsed flow document (cached per
// version), its checked diagnostics (cached per version and definition index generation), and
// iteration over its sends.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Position } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { makeDiagnostic } from '../diagnostics';
import { DocumentCache } from '../documentCache';
import { documentKind } from '../documentKind';
import { PatternFile, readPatternFile } from './embedding/patternFile';
import { regionFindings } from './analysis/formProblems';
import { dialectBecause, dialectSubject, regionDialect } from './analysis/dialect';
import { messages } from '../codes';
import { rereadFlow } from './syntax/incremental';
import { FlowProblem } from './analysis/problems';
import { FlowRead, readFlowWithBalance } from './syntax/reader';
import { FlowRegion, wholeDocumentRegion } from './embedding/region';
import { forEachInteraction, interactionAt, InteractionInfo, interactionInfo } from './analysis/interactions';
import { readerProblems } from './analysis/readerProblems';
import { unsuppressed } from './analysis/suppression';

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
}

/**
 * The last read of each `.cxflow` document, which the next version's read takes over (re-reading
 * only the forms an edit touches). Pattern files are read whole: their code sits in JSON strings.
 */
const lastReads = new Map<string, FlowRead>();

function parseFlowDocument(doc: TextDocument): FlowDocument {
  const base = { uri: doc.uri, version: doc.version, document: doc };
  if (documentKind(doc.uri, doc.languageId) === 'pattern') {
    lastReads.delete(doc.uri);
    const pattern = readPatternFile(doc);
    return { ...base, kind: 'pattern', regions: pattern.regions, pattern, fileProblems: pattern.problems };
  }
  const previous = lastReads.get(doc.uri);
  const read = previous === undefined ? readFlowWithBalance(doc.getText()) : rereadFlow(previous, doc.getText());
  lastReads.delete(doc.uri);
  lastReads.set(doc.uri, read);
  if (lastReads.size > maxCached) {
    const oldest = lastReads.keys().next().value;
    if (oldest !== undefined) lastReads.delete(oldest);
  }
  return { ...base, kind: 'flow', regions: [wholeDocumentRegion(doc, read.tree, previous !== undefined)], fileProblems: [] };
}

const maxCached = 64;
const documents = new DocumentCache<FlowDocument>(parseFlowDocument, maxCached);

/** The parsed flow document, read once per uri and version. */
export function getFlowDocument(doc: TextDocument): FlowDocument {
  return documents.get(doc);
}

/** The region holding a document offset (its edges included), if the offset is in flow code. */
export function regionAt(flowDoc: FlowDocument, docOffset: number): FlowRegion | undefined {
  return flowDoc.regions.find((r) => docOffset >= r.docStart && docOffset <= r.docEnd);
}

/** Document position of a code offset of a region. */
export function positionInDocument(region: FlowRegion, offset: number): Position {
  return region.position(offset);
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

function regionDiagnostics(region: FlowRegion, ctx: AnalysisContext): Diagnostic[] {
  const dialect = regionDialect(region, ctx.settings.flow.dialect);
  const findings = regionFindings(region, ctx, dialect.version);
  const problems = readerProblems(region, findings);
  // Why the code is read as its dialect: said here, as the reason's line moves with edits elsewhere.
  const readAs = messages.readAs(dialectSubject(region), dialect.version, dialectBecause(dialect, region));
  for (const { problems: found } of findings) {
    for (const p of found) problems.push(p.code === 'wrong-dialect' ? { ...p, message: p.message + readAs } : p);
  }
  return unsuppressed(problems, region.tree).map((p) => toDiagnostic(region, p));
}

interface CheckedEntry {
  version: number;
  generation: number;
  builtin: boolean;
  dialect: string;
  diagnostics: Diagnostic[];
}

const checked = new Map<string, CheckedEntry>();

/**
 * Reader, analyser and suppression comments over a flow or pattern document; severity overrides
 * are the caller's (`applySeverityOverrides`). Cached per uri, version and index generation.
 */
export function checkFlowDocument(doc: TextDocument, ctx: AnalysisContext): Diagnostic[] {
  const builtin = ctx.settings.definitions.builtin;
  const dialect = ctx.settings.flow.dialect;
  const hit = checked.get(doc.uri);
  if (hit && hit.version === doc.version && hit.generation === ctx.generation && hit.builtin === builtin && hit.dialect === dialect) {
    return hit.diagnostics;
  }
  const flowDoc = getFlowDocument(doc);
  const diagnostics = [...flowDoc.fileProblems];
  for (const region of flowDoc.regions) diagnostics.push(...regionDiagnostics(region, ctx));
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  checked.delete(doc.uri);
  checked.set(doc.uri, { version: doc.version, generation: ctx.generation, builtin, dialect, diagnostics });
  if (checked.size > maxCached) {
    const oldest = checked.keys().next().value;
    if (oldest !== undefined) checked.delete(oldest);
  }
  return diagnostics;
}

/** Drops what is cached for a document (it was closed). */
export function forgetFlowDocument(uri: string): void {
  documents.delete(uri);
  lastReads.delete(uri);
  checked.delete(uri);
}
