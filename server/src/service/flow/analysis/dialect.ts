// Which dialect a region of flow code is read as, and why. In order: a first-line directive
// `; cxengage-dialect: 4.2`, the `cxengage.flow.dialect` setting (unless `auto`), the payload key
// the code is under (`code` is 4.2, `when`/`then` 4.1), the first form only one dialect has, and
// else 4.2 (the version of the shipped definitions). Decided once per region (a document version).
import { FlowRegion, PayloadKey } from '../embedding/region';
import { dialectOnly, grammar41, grammar42 } from './grammar/grammar';
import { DialectVersion } from './grammar/signature';
import { firstMarker, patternMapKey } from './sides';
import { FlowNode, FlowTree, isContainer, operatorNode } from '../syntax/tree';

export type { DialectVersion } from './grammar/signature';

/** The `cxengage.flow.dialect` setting: decide by the rules, or read every file as one dialect. */
export type DialectSetting = 'auto' | DialectVersion;

export type DialectReason =
  /** The first-line comment; code offsets of the comment. */
  | { kind: 'directive'; start: number; end: number }
  | { kind: 'setting' }
  | { kind: 'payload-key'; key: PayloadKey }
  /** The first form only one dialect has: `what` names it (`` `create` ``, `` a `;; When` section ``). */
  | { kind: 'form'; what: string; start: number; end: number }
  | { kind: 'default' };

export interface Dialect {
  version: DialectVersion;
  reason: DialectReason;
}

const directivePattern = /^;+\s*cxengage-dialect\s*:?\s*(auto|4\.1|4\.2)\s*$/i;

/** The directive on the first line of a tree's text, if there is one (its value may be `auto`). */
export function directiveOf(tree: FlowTree): { value: DialectSetting; start: number; end: number } | undefined {
  const first = tree.comments[0];
  if (first === undefined) return undefined;
  const lineEnd = tree.text.search(/[\r\n]/);
  if (lineEnd >= 0 && first.start > lineEnd) return undefined;
  if (tree.text.slice(0, first.start).trim() !== '') return undefined;
  const m = directivePattern.exec(first.text.trimEnd());
  return m === null ? undefined : { value: m[1].toLowerCase() as DialectSetting, start: first.start, end: first.end };
}

interface Evidence {
  version: DialectVersion;
  what: string;
  node: FlowNode;
}

const evidenceByForm = new WeakMap<FlowNode, Evidence | null>();

/** What a list or map says about its dialect by itself (not its contents). */
function evidenceAt(node: FlowNode): Evidence | undefined {
  if (node.kind === 'map') {
    const key = patternMapKey(node);
    return key === undefined || key.kind !== 'keyword' ? undefined : { version: '4.1', what: `a pattern map with \`:${key.name}\``, node: key };
  }
  if (node.kind !== 'list') return undefined;
  const op = operatorNode(node);
  if (op === undefined) return undefined;
  const only = dialectOnly(op.name);
  if (only !== undefined) return { version: only, what: `\`${op.name}\``, node: op };
  for (const [grammar, other] of [[grammar41, '4.2'], [grammar42, '4.1']] as const) {
    for (const signature of grammar.named(op.name)) {
      const what = signature.otherDialect?.(node);
      if (what !== undefined) return { version: other, what, node: op };
    }
  }
  return undefined;
}

/**
 * The first thing in a top-level form, in source order, that only one dialect writes. Kept per
 * form: a form an edit did not touch is the same node in the next version's tree.
 */
function evidenceIn(form: FlowNode): Evidence | undefined {
  const known = evidenceByForm.get(form);
  if (known !== undefined) return known ?? undefined;
  let found: Evidence | undefined;
  const stack: FlowNode[] = [form];
  while (stack.length > 0 && found === undefined) {
    const node = stack.pop() as FlowNode;
    found = evidenceAt(node);
    if (isContainer(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  evidenceByForm.set(form, found ?? null);
  return found;
}

/** The first evidence of a dialect in a tree: a form, or a `;; When`/`;; Then` section marker before it. */
function firstEvidence(tree: FlowTree): DialectReason & { version: DialectVersion } | undefined {
  const marker = firstMarker(tree);
  for (const form of tree.forms) {
    if (marker !== undefined && marker.start < form.start) break;
    const evidence = evidenceIn(form);
    if (evidence !== undefined) return { kind: 'form', version: evidence.version, what: evidence.what, start: evidence.node.start, end: evidence.node.end };
  }
  if (marker === undefined) return undefined;
  const comment = tree.comments.find((c) => c.start === marker.start);
  const name = marker.side === 'when' ? 'When' : 'Then';
  return { kind: 'form', version: '4.1', what: `a \`;; ${name}\` section`, start: marker.start, end: comment?.end ?? marker.start };
}

/** The dialect of code read from `tree`, by the rules above. */
export function decideDialect(tree: FlowTree, setting: DialectSetting, payloadKey: PayloadKey | undefined): Dialect {
  const directive = directiveOf(tree);
  if (directive !== undefined && directive.value !== 'auto') {
    return { version: directive.value, reason: { kind: 'directive', start: directive.start, end: directive.end } };
  }
  if (setting !== 'auto' && directive === undefined) return { version: setting, reason: { kind: 'setting' } };
  if (payloadKey !== undefined) return { version: payloadKey === 'code' ? '4.2' : '4.1', reason: { kind: 'payload-key', key: payloadKey } };
  const evidence = firstEvidence(tree);
  if (evidence !== undefined) {
    const { version, ...reason } = evidence;
    return { version, reason };
  }
  return { version: '4.2', reason: { kind: 'default' } };
}

/** The dialect of a region under a setting, decided once per region (a document revision) and setting. */
export function regionDialect(region: FlowRegion, setting: DialectSetting): Dialect {
  const hit = region.decided;
  if (hit !== undefined && hit.setting === setting) return hit.dialect;
  const dialect = decideDialect(region.tree, setting, region.payloadKey);
  region.decided = { setting, dialect };
  return dialect;
}

/** Why a region is read as its dialect, as the end of a sentence: "because line 3 uses `create`". */
export function dialectBecause(dialect: Dialect, region: FlowRegion): string {
  const reason = dialect.reason;
  const line = (offset: number) => region.position(offset).line + 1;
  switch (reason.kind) {
    case 'directive':
      return `because of the \`; cxengage-dialect: ${dialect.version}\` comment on line ${line(reason.start)}`;
    case 'setting':
      return `because cxengage.flow.dialect is ${dialect.version}`;
    case 'payload-key':
      return reason.key === 'code' ? 'because it is the `code` of a pattern payload' : `because it is the \`${reason.key}\` of a pattern payload (4.2 payloads have \`code\`)`;
    case 'form':
      return reason.what.startsWith('`') ? `because line ${line(reason.start)} uses ${reason.what}` : `because line ${line(reason.start)} has ${reason.what}`;
    case 'default':
      return 'because nothing in it says which (4.2, the version of the shipped definitions, is the default)';
  }
}

/** "this file" for a `.cxflow` file, "this code" for a payload's string. */
export function dialectSubject(region: FlowRegion): string {
  return region.embedded ? 'this code' : 'this file';
}
