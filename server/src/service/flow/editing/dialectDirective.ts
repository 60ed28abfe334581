// The dialect a document's flow code is read as, and why, for the editor's status item; and the
// edit that writes (or removes) the first-line `; cxengage-dialect: ...` comment of a region.
import { Position, TextEdit } from 'vscode-languageserver-types';
import { Dialect, dialectBecause, DialectSetting, directiveOf, regionDialect } from '../analysis/dialect';
import { FlowRegion } from '../embedding/region';
import { FlowDocument, regionAt } from '../index';
import { forRegion } from './insertText';

export interface RegionDialect {
  region: FlowRegion;
  dialect: Dialect;
  /** Why, as the end of a sentence: "because line 3 uses `create`". */
  because: string;
}

/** The region at a position (a pattern file's code string), else the document's first region. */
function regionFor(flowDoc: FlowDocument, position: Position | undefined): FlowRegion | undefined {
  const at = position === undefined ? undefined : regionAt(flowDoc, flowDoc.document.offsetAt(position));
  return at ?? flowDoc.regions[0];
}

/** The dialect of the flow code at a position (or of the document's first code) under a setting, with its reason. */
export function dialectAt(flowDoc: FlowDocument, position: Position | undefined, setting: DialectSetting): RegionDialect | undefined {
  const region = regionFor(flowDoc, position);
  if (region === undefined) return undefined;
  const dialect = regionDialect(region, setting);
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
