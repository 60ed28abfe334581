// The analyser's findings (problems and credential values) per top-level form, kept by the
// document's owner from one version to the next: a form the reader kept across an edit (same node,
// maybe moved) is analysed again only when the definitions, the built-in setting, the dialect, the
// side marker before it (4.1) or the globals defined before it (4.2) changed.
import { AnalysisContext } from '../../analysisContext';
import { FormAnalyser } from './analyser';
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
  /** `Globals.count`, `.hash` and `.hash2` before the form. */
  globalsCount: number;
  globalsHash: number;
  globalsHash2: number;
  /** The form's start when it was analysed: the problems' offsets are relative to it. */
  start: number;
  /** The last check that used it (see `FormAnalyses.startCheck`). */
  usedIn: number;
  problems: readonly FlowProblem[];
  /** Code ranges of the credential values in the form, in source order. */
  secrets: readonly CodeRange[];
  /** The globals the form defines, in order. */
  defines: readonly string[];
}

/** Takes what the analyser found in one top-level form, at the form's current offsets. */
export type FormVisitor = (form: FlowNode, problems: readonly FlowProblem[], secrets: readonly CodeRange[]) => void;

/**
 * Forms shorter than this are analysed afresh each time: cheaper than remembering them, and a
 * text of millions of tiny forms would otherwise fill the memo.
 */
const worthRemembering = 48;

/**
 * Most forms have no problem and no credential: they share one empty list. Not frozen, only typed
 * read-only: V8 iterates a frozen array (`for...of`) through an iterator object made for each loop.
 */
const none: readonly never[] = [];

/** The analyses of the top-level forms of one document's last check, for the next check to reuse. */
export class FormAnalyses {
  /**
   * One map from check to check, not a new one per check: filling a new map with thousands of
   * forms would regrow it at every keystroke. Forms an edit replaced are dropped now and then.
   */
  private readonly analyses = new Map<FlowNode, Analysed>();
  private check = 0;
  /** How many forms the last check used. */
  private used = 0;

  /**
   * Starts a check. Analyses of forms the last two checks did not ask for (forms that edits
   * replaced) are dropped once they are as many as the forms in use.
   */
  startCheck(): void {
    this.check++;
    if (this.analyses.size > 2 * this.used + 64) {
      for (const [form, analysed] of this.analyses) if (analysed.usedIn < this.check - 1) this.analyses.delete(form);
    }
    this.used = 0;
  }

  /**
   * Visits the findings of every top-level form of a region, in source order, in the given
   * dialect. A visitor rather than a list: a text of many forms keeps no record per form.
   */
  forEachForm(region: FlowRegion, ctx: AnalysisContext, dialect: DialectVersion, visit: FormVisitor): void {
    const globals = new Globals();
    const found = new Findings();
    const analyser = new FormAnalyser(region, ctx, found.sink, found.secret, grammarOf(dialect), globals);
    for (const form of region.tree.forms) {
      if (form.end - form.start < worthRemembering) {
        found.clear();
        analyser.analyse(form, false);
        visit(form, found.problems, found.secrets);
        continue;
      }
      const hit = this.analysis(region, form, ctx, dialect, globals, found, analyser);
      const delta = form.start - hit.start;
      // Most forms have nothing to move: an edit moves every form after it. (No closure over
      // `delta` here: the engine would make a context for it at every form.)
      const problems = delta === 0 || hit.problems.length === 0 ? hit.problems : movedProblems(hit.problems, delta);
      const secrets = delta === 0 || hit.secrets.length === 0 ? hit.secrets : movedRanges(hit.secrets, delta);
      visit(form, problems, secrets);
    }
  }

  /** The form's analysis, kept when nothing it depends on changed; adds its globals to `globals`. */
  private analysis(region: FlowRegion, form: FlowNode, ctx: AnalysisContext, dialect: DialectVersion, globals: Globals, found: Findings, analyser: FormAnalyser): Analysed {
    const builtin = ctx.settings.definitions.builtin;
    const marker = region.side === undefined && dialect === '4.1' ? markerSideBefore(region.tree, form.start) : undefined;
    const globalsCount = globals.count;
    const globalsHash = globals.hash;
    const globalsHash2 = globals.hash2;
    const hit = this.analyses.get(form);
    this.used++;
    if (
      hit !== undefined &&
      hit.generation === ctx.generation &&
      hit.builtin === builtin &&
      hit.dialect === dialect &&
      hit.marker === marker &&
      hit.globalsCount === globalsCount &&
      hit.globalsHash === globalsHash &&
      hit.globalsHash2 === globalsHash2
    ) {
      for (const name of hit.defines) globals.define(name);
      hit.usedIn = this.check;
      return hit;
    }
    found.clear();
    const defines = analyser.analyse(form);
    const { problems, secrets } = found;
    const entry: Analysed = { generation: ctx.generation, builtin, dialect, marker, globalsCount, globalsHash, globalsHash2, start: form.start, usedIn: this.check, problems, secrets, defines };
    this.analyses.set(form, entry);
    return entry;
  }
}

/**
 * What the analyser reports of one form, collected by two callbacks made once per region rather
 * than once per form; the lists are made on the first finding.
 */
class Findings {
  private problemList: FlowProblem[] | undefined;
  private secretList: CodeRange[] | undefined;

  readonly sink = (problem: FlowProblem): void => {
    if (this.problemList === undefined) this.problemList = [problem];
    else this.problemList.push(problem);
  };

  readonly secret = (node: FlowNode): void => {
    const range = { start: node.start, end: node.end };
    if (this.secretList === undefined) this.secretList = [range];
    else this.secretList.push(range);
  };

  /** Starts a form. */
  clear(): void {
    this.problemList = undefined;
    this.secretList = undefined;
  }

  get problems(): readonly FlowProblem[] {
    return this.problemList ?? none;
  }

  /** In source order. */
  get secrets(): readonly CodeRange[] {
    const list = this.secretList;
    if (list === undefined) return none;
    if (list.length > 1) list.sort((a, b) => a.start - b.start);
    return list;
  }
}

function movedProblems(problems: readonly FlowProblem[], delta: number): FlowProblem[] {
  return problems.map((p) => moved(p, delta));
}

function movedRanges(ranges: readonly CodeRange[], delta: number): CodeRange[] {
  return ranges.map((r) => ({ start: r.start + delta, end: r.end + delta }));
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
