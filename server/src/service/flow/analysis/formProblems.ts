// The analyser's findings per top-level form, kept from one version of a document to the next: a
// form the reader kept across an edit (same node, maybe moved) is analysed again only when the
// definitions, the built-in setting, the dialect, the side marker before it (4.1) or the globals
// defined before it (4.2) changed.
import { AnalysisContext } from '../../analysisContext';
import { analyseForm } from './analyser';
import { grammarOf } from './grammar/grammar';
import { DialectVersion } from './grammar/signature';
import { FlowProblem } from './problems';
import { FlowRegion, Side } from '../embedding/region';
import { Globals } from './scope';
import { markerSideBefore } from './sides';
import { FlowNode } from '../syntax/tree';

interface Analysed {
  generation: number;
  builtin: boolean;
  dialect: DialectVersion;
  marker: Side | undefined;
  /** `Globals.key` before the form. */
  globals: string;
  /** The form's start when it was analysed: the problems' offsets are relative to it. */
  start: number;
  problems: FlowProblem[];
  /** Code ranges of the credential values in the form. */
  secrets: CodeRange[];
  /** The globals the form defines, in order. */
  defines: string[];
}

type CodeRange = { start: number; end: number };

/** What the analyser found in one top-level form, at the form's current offsets. */
export interface FormFindings {
  form: FlowNode;
  /** In the order the analyser reports them. */
  problems: FlowProblem[];
  /** Code ranges of the credential values inside the form, in source order. */
  secrets: CodeRange[];
}

const analysed = new WeakMap<FlowNode, Analysed>();

/** The findings of every top-level form of a region, in source order, in the given dialect. */
export function regionFindings(region: FlowRegion, ctx: AnalysisContext, dialect: DialectVersion): FormFindings[] {
  const globals = new Globals();
  return region.tree.forms.map((form) => {
    const hit = analysis(region, form, ctx, dialect, globals);
    const delta = form.start - hit.start;
    if (delta === 0) return { form, problems: hit.problems, secrets: hit.secrets };
    return { form, problems: hit.problems.map((p) => moved(p, delta)), secrets: hit.secrets.map((r) => ({ start: r.start + delta, end: r.end + delta })) };
  });
}

/** The form's analysis, from the cache when nothing it depends on changed; adds its globals to `globals`. */
function analysis(region: FlowRegion, form: FlowNode, ctx: AnalysisContext, dialect: DialectVersion, globals: Globals): Analysed {
  const builtin = ctx.settings.definitions.builtin;
  const marker = region.side === undefined && dialect === '4.1' ? markerSideBefore(region.tree, form.start) : undefined;
  const before = globals.key;
  const hit = analysed.get(form);
  if (hit !== undefined && hit.generation === ctx.generation && hit.builtin === builtin && hit.dialect === dialect && hit.marker === marker && hit.globals === before) {
    for (const name of hit.defines) globals.define(name);
    return hit;
  }
  const problems: FlowProblem[] = [];
  const secrets: CodeRange[] = [];
  const defines = analyseForm(
    region,
    form,
    ctx,
    (p) => problems.push(p),
    (n) => secrets.push({ start: n.start, end: n.end }),
    grammarOf(dialect),
    globals,
  );
  secrets.sort((a, b) => a.start - b.start);
  const entry: Analysed = { generation: ctx.generation, builtin, dialect, marker, globals: before, start: form.start, problems, secrets, defines };
  analysed.set(form, entry);
  return entry;
}

function moved(problem: FlowProblem, delta: number): FlowProblem {
  const result: FlowProblem = { ...problem, start: problem.start + delta, end: problem.end + delta };
  if (problem.dataRanges !== undefined) {
    const ranges: Record<string, { start: number; end: number }> = {};
    for (const [name, r] of Object.entries(problem.dataRanges)) ranges[name] = { start: r.start + delta, end: r.end + delta };
    result.dataRanges = ranges;
  }
  return result;
}
