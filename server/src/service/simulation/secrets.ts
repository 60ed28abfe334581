// Where a pattern writes credential values (after a `redact`, `static-params` or password key in
// an interaction's params or template maps), found once per region with the analysis' own helper,
// so that no trace text repeats them: not a form's source, not a value in an error message.
import type { AnalysisContext } from '../analysisContext';
import type { Definition } from '../definitions/model';
import { credentialRangesIn } from '../flow/analysis/secretValues';
import { grammarOf } from '../flow/analysis/grammar/grammar';
import { FlowRegion } from '../flow/embedding/region';
import { FlowNode } from '../flow/syntax/tree';
import { defaultSettings } from '../settings';
import { masked } from './interact';
import { Pattern } from './patterns';

type Span = { start: number; end: number };

export class SecretPlaces {
  private readonly byRegion = new Map<FlowRegion, Span[]>();
  private readonly ctx: AnalysisContext;

  constructor(
    private readonly pattern: Pattern,
    lookup: (integration: string) => Definition | undefined,
    visible: () => Definition[],
  ) {
    this.ctx = { lookup: (type) => lookup(type), visible, settings: defaultSettings, generation: 0 };
  }

  private spansOf(node: FlowNode): Span[] {
    const region = this.pattern.regionOf(node);
    let spans = this.byRegion.get(region);
    if (spans === undefined) {
      // The pattern's dialect, not the region's: its grammar's verbs are the interactions.
      const verbs = grammarOf(this.pattern.dialect).verbMap;
      spans = region.tree.forms.flatMap((form) => credentialRangesIn(form, this.ctx, verbs));
      this.byRegion.set(region, spans);
    }
    return spans;
  }

  /** Whether the node is a credential's value or inside one. */
  holds(node: FlowNode): boolean {
    return this.spansOf(node).some((s) => node.start >= s.start && node.end <= s.end);
  }

  /** The node's source with every credential value in it masked. */
  shownSource(node: FlowNode): string {
    const text = this.pattern.source(node);
    if (this.holds(node)) return masked;
    const inside = this.spansOf(node).filter((s) => s.start >= node.start && s.end <= node.end);
    let out = '';
    let at = node.start;
    for (const s of inside) {
      out += text.slice(at - node.start, s.start - node.start) + masked;
      at = s.end;
    }
    return out + text.slice(at - node.start);
  }
}
