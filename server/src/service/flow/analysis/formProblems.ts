// The analyser's problems (and credential values) per top-level form, kept by the document's owner
// from one version to the next: a form the reader kept across an edit (same node, maybe moved) is
// analysed again only when the definitions, the built-in setting or the side marker before it changed.
import { AnalysisContext } from '../../analysisContext';
import { analyseForm } from './analyser';
import { FlowProblem } from './problems';
import { FlowRegion, Side } from '../embedding/region';
import { markerSideBefore } from './sides';
import { FlowNode } from '../syntax/tree';

type CodeRange = { start: number; end: number };

interface Analysed {
  generation: number;
  builtin: boolean;
  marker: Side | undefined;
  /** The form's start when it was analysed: the problems' offsets are relative to it. */
  start: number;
  problems: FlowProblem[];
  /** Code ranges of the credential values in the form. */
  secrets: CodeRange[];
}

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

  /** The problems of one top-level form of a region, in the order the analyser reports them. */
  problems(region: FlowRegion, form: FlowNode, ctx: AnalysisContext): FlowProblem[] {
    const hit = this.analysis(region, form, ctx);
    return hit.start === form.start ? hit.problems : hit.problems.map((p) => moved(p, form.start - hit.start));
  }

  /** The code ranges of the credential values inside one top-level form, in source order. */
  secrets(region: FlowRegion, form: FlowNode, ctx: AnalysisContext): CodeRange[] {
    const hit = this.analysis(region, form, ctx);
    const delta = form.start - hit.start;
    return delta === 0 ? hit.secrets : hit.secrets.map((r) => ({ start: r.start + delta, end: r.end + delta }));
  }

  private analysis(region: FlowRegion, form: FlowNode, ctx: AnalysisContext): Analysed {
    const builtin = ctx.settings.definitions.builtin;
    const marker = region.side === undefined ? markerSideBefore(region.tree, form.start) : undefined;
    if (form.end - form.start >= worthRemembering) {
      const hit = this.current.get(form) ?? this.previous.get(form);
      if (hit !== undefined && hit.generation === ctx.generation && hit.builtin === builtin && hit.marker === marker) {
        this.current.set(form, hit);
        return hit;
      }
    }
    const problems: FlowProblem[] = [];
    const secrets: CodeRange[] = [];
    analyseForm(
      region,
      form,
      ctx,
      (p) => problems.push(p),
      (n) => secrets.push({ start: n.start, end: n.end }),
    );
    const entry: Analysed = { generation: ctx.generation, builtin, marker, start: form.start, problems, secrets };
    if (form.end - form.start >= worthRemembering) this.current.set(form, entry);
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
