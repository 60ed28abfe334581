// The dialect a document's flow code is read as, and why, for the editor's status item; and the
// edit that writes (or removes) the first-line `; cxengage-dialect: ...` comment of a region.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, TextEdit } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { Dialect, dialectBecause, DialectSetting, directiveOf, regionDialect } from '../analysis/dialect';
import { FlowRegion } from '../embedding/region';
import { getFlowDocument, regionAt } from '../index';
import { forRegion } from './insertText';

export interface RegionDialect {
  region: FlowRegion;
  dialect: Dialect;
  /** Why, as the end of a sentence: "because line 3 uses `create`". */
  because: string;
}

/** The region at a position (a pattern file's code string), else the document's first region. */
function regionFor(doc: TextDocument, position: Position | undefined): FlowRegion | undefined {
  const flowDoc = getFlowDocument(doc);
  const at = position === undefined ? undefined : regionAt(flowDoc, doc.offsetAt(position));
  return at ?? flowDoc.regions[0];
}

/** The dialect of the flow code at a position (or of the document's first code), with its reason. */
export function dialectAt(doc: TextDocument, position: Position | undefined, ctx: AnalysisContext): RegionDialect | undefined {
  const region = regionFor(doc, position);
  if (region === undefined) return undefined;
  const dialect = regionDialect(region, ctx.settings.flow.dialect);
  return { region, dialect, because: dialectBecause(dialect, region) };
}

/**
 * The edit that makes a region's first line say `; cxengage-dialect: <dialect>` (replacing one
 * there), or for `auto` removes that line; undefined when there is nothing to change.
 */
export function directiveEdit(region: FlowRegion, dialect: DialectSetting): TextEdit | undefined {
  const directive = directiveOf(region.tree);
  const text = region.tree.text;
  if (dialect === 'auto') {
    if (directive === undefined) return undefined;
    // The comment and its line end.
    let end = directive.end;
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    return { range: region.range(directive.start, end), newText: '' };
  }
  const comment = `; cxengage-dialect: ${dialect}`;
  if (directive !== undefined) return { range: region.range(directive.start, directive.end), newText: forRegion(region, comment) };
  return { range: region.range(0, 0), newText: forRegion(region, `${comment}\n`) };
}
