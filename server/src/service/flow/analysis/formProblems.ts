// The analyser's findings (problems and credential values) per top-level form, kept by the
// document's owner from one version to the next: a form the reader kept across an edit (same node,
// maybe moved) is analysed again only when the definitions, the built-in setting, the dialect, the
// side marker before it (4.1) or the globals defined before it (4.2) changed.
import { AnalysisContext } from '../../analysisContext';
import { analyseForm } from './analyser';
import { grammarOf } from './grammar/grammar';
import { DialectVersion } from './grammar/signature';
import { FlowProblem } from './problems';
import { FlowRegion, Side } from '../embedding/region';
import { Globals } from './scope';
import { markerSideBefore } from './sides';
import { FlowNode } from '../syntax/tree';

type CodeRange = { start: number; end: number };

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
  /** Code ranges of the credential values in the form, in source order. */
  secrets: CodeRange[];
  /** The globals the form defines, in order. */
  defines: string[];
}

/** Takes what the analyser found in one top-level form, at the form's current offsets. */
export type FormVisitor = (form: FlowNode, problems: readonly FlowProblem[], secrets: readonly CodeRange[]) => void;

/**
 * Forms shorter than this are analysed afresh each time: cheaper than remembering them, and a
 * text of millions of tiny forms would otherwise fill the memo.
 */
const worthRemembering = 48;

/** The analyses of the top-level forms of one document's last check, for the next check to reuse. */
export class FormAnalyses {
  private previous = new Map<FlowNode, Analysed>();
  private current = new Map<FlowNode, Analysed>();

  /** Starts a check: what the check does not ask for again is forgotten when the next one starts. */
  startCheck(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /**
   * Visits the findings of every top-level form of a region, in source order, in the given
   * dialect. A visitor rather than a list: a text of many forms keeps no record per form.
   */
  forEachForm(region: FlowRegion, ctx: AnalysisContext, dialect: DialectVersion, visit: FormVisitor): void {
    const globals = new Globals();
    for (const form of region.tree.forms) {
      const hit = this.analysis(region, form, ctx, dialect, globals);
      const delta = form.start - hit.start;
      if (delta === 0) visit(form, hit.problems, hit.secrets);
      else visit(form, hit.problems.map((p) => moved(p, delta)), hit.secrets.map((r) => ({ start: r.start + delta, end: r.end + delta })));
    }
  }

  /** The form's analysis, kept when nothing it depends on changed; adds its globals to `globals`. */
  private analysis(region: FlowRegion, form: FlowNode, ctx: AnalysisContext, dialect: DialectVersion, globals: Globals): Analysed {
    const builtin = ctx.settings.definitions.builtin;
    const marker = region.side === undefined && dialect === '4.1' ? markerSideBefore(region.tree, form.start) : undefined;
    const before = globals.key;
    const remember = form.end - form.start >= worthRemembering;
    if (remember) {
      const hit = this.current.get(form) ?? this.previous.get(form);
      if (
        hit !== undefined &&
        hit.generation === ctx.generation &&
        hit.builtin === builtin &&
        hit.dialect === dialect &&
        hit.marker === marker &&
        hit.globals === before
      ) {
        for (const name of hit.defines) globals.define(name);
        this.current.set(form, hit);
        return hit;
      }
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
    if (remember) this.current.set(form, entry);
    return entry;
  }
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
