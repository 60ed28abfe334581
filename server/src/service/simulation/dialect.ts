// Which dialect a pattern's code is run as, and why, by the rules of flow-dsl-4.2.md: a first-line
// `; cxengage-dialect: 4.x` comment, the `cxengage.flow.dialect` setting, the payload key (`code`
// is 4.2, `when`/`then` 4.1), the first form only one dialect has, else 4.2. Kept in this one
// place so that the service's own per-file detection can take its place.
import { markerSide } from '../flow/analysis/sides';
import { FlowNode, FlowTree, isContainer, keyName, operatorOf } from '../flow/syntax/tree';

export type DialectVersion = '4.1' | '4.2';
export type DialectSetting = 'auto' | DialectVersion;

export interface DialectChoice {
  version: DialectVersion;
  reason: string;
}

const only42 = new Set(['create', 'perform', 'fetch', 'update', 'delete', 'def', 'let', 'if-let', 'when-let', 'cond', 'case', 'unless', 'until', 'sequence', 'times']);
const only41 = new Set(['send', 'seq', 'par', 'await']);

const directive = /^;+\s*cxengage-dialect\s*:?\s*(auto|4\.1|4\.2)\s*$/i;

function directiveOf(tree: FlowTree): DialectSetting | undefined {
  const first = tree.comments[0];
  if (first === undefined || tree.text.slice(0, first.start).trim() !== '') return undefined;
  const m = directive.exec(first.text.trimEnd());
  return m ? (m[1].toLowerCase() as DialectSetting) : undefined;
}

/** The first form, in source order, that only one dialect writes (iterative walk). */
function evidence(tree: FlowTree): DialectChoice | undefined {
  const marker = tree.comments.find((c) => markerSide(c.text) !== undefined);
  const stack: FlowNode[] = [];
  for (let i = tree.forms.length - 1; i >= 0; i--) stack.push(tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (marker !== undefined && node.start > marker.start) return { version: '4.1', reason: 'its `;; When`/`;; Then` sections' };
    const op = operatorOf(node);
    if (op !== undefined && only42.has(op)) return { version: '4.2', reason: `\`${op}\`, which only 4.2 has` };
    if (op !== undefined && only41.has(op)) return { version: '4.1', reason: `\`${op}\`, which only 4.1 has` };
    if (op === 'event' && node.kind === 'list' && node.children[1]?.kind === 'map') return { version: '4.2', reason: '`event` with a map, which only 4.2 writes' };
    if (node.kind === 'map' && node.entries.some((e) => keyName(e.key) === 'when' || keyName(e.key) === 'then')) {
      return { version: '4.1', reason: 'a pattern map with `:when`/`:then`' };
    }
    if (isContainer(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return marker === undefined ? undefined : { version: '4.1', reason: 'its `;; When`/`;; Then` sections' };
}

/** The dialect of one piece of code; `payloadKey` for code from a pattern payload. */
export function dialectOf(tree: FlowTree, setting: DialectSetting, payloadKey?: 'code' | 'when' | 'then'): DialectChoice {
  const said = directiveOf(tree);
  if (said !== undefined && said !== 'auto') return { version: said, reason: 'the `; cxengage-dialect` comment on its first line' };
  if (setting !== 'auto') return { version: setting, reason: 'the setting cxengage.flow.dialect' };
  if (payloadKey === 'code') return { version: '4.2', reason: 'the payload holds `code`' };
  if (payloadKey !== undefined) return { version: '4.1', reason: 'the payload holds `when`/`then`' };
  return evidence(tree) ?? { version: '4.2', reason: 'nothing in it is of one dialect only (4.2 is the default)' };
}
