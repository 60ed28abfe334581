// The runnable patterns of a flow document: each pattern map or the sections of a `.cxflow` (4.1),
// the whole program of a 4.2 `.cxflow`, and each payload of a `*.pattern.json`, with its dialect
// and a way back from any of its forms to the document.
import type { Range } from 'vscode-languageserver-types';
import { getLanguageService, ObjectASTNode, StringASTNode } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { topLevelSide } from '../flow/analysis/sides';
import { unescapeJsonString } from '../flow/embedding/jsonString';
import { readPayloadHeader } from '../flow/embedding/payloadHeader';
import { embeddedRegion, FlowRegion, wholeDocumentRegion } from '../flow/embedding/region';
import type { FlowDocument } from '../flow/index';
import { readFlow, readFlowWithBalance } from '../flow/syntax/reader';
import { FlowNode, keyName, MapNode, mapString, mapValue, topLevelForm } from '../flow/syntax/tree';
import { DialectSetting, DialectVersion, dialectBecause, regionDialect } from '../flow/analysis/dialect';

export interface Pattern {
  /** The payload's or pattern map's `name`; else `#1`, `#2`, ... in the file; a whole `.cxflow` has ''. */
  name: string;
  dialect: DialectVersion;
  dialectReason: string;
  /** The payload's `key`: a payload's own, a pattern map's `:key`, a 4.2 program's `; key:` header. */
  key?: string;
  /** 4.1: the when side's forms and the then side's forms. */
  when: FlowNode[];
  then: FlowNode[];
  /** 4.2: the program's top-level forms. */
  program: FlowNode[];
  /** Reader errors in the pattern's code, placed in the document: such a pattern is not run. */
  errors: { message: string; range: Range }[];
  /** Document range of one of the pattern's nodes. */
  range(node: Pick<FlowNode, 'start' | 'end'> & { parent?: FlowNode['parent'] }): Range;
  /** Source text of one of its nodes. */
  source(node: FlowNode): string;
  /** The region one of its nodes was read in (for the analysis helpers, which work per region). */
  regionOf(node: FlowNode): FlowRegion;
  /** Where the pattern starts in the document (for a code lens). */
  start: Range;
}

/** Maps every node back through the region its top-level form was read in. */
function locator(regions: readonly FlowRegion[]): Pick<Pattern, 'range' | 'source' | 'regionOf'> {
  const regionOf = new Map<FlowNode, FlowRegion>();
  for (const r of regions) for (const f of r.tree.forms) regionOf.set(f, r);
  const find = (node: FlowNode): FlowRegion => regionOf.get(topLevelForm(node)) ?? regions[0];
  return {
    range: (node) => find(node as FlowNode).range(node.start, node.end),
    source: (node) => find(node).tree.text.slice(node.start, node.end),
    regionOf: find,
  };
}

/** The dialect a region is run as, decided as the editor decides it, with why ("because line 3 uses `create`"). */
function dialectOf(region: FlowRegion, setting: DialectSetting): { version: DialectVersion; reason: string } {
  const dialect = regionDialect(region, setting);
  return { version: dialect.version, reason: dialectBecause(dialect, region) };
}

function errorsOf(regions: readonly FlowRegion[]): Pattern['errors'] {
  return regions.flatMap((r) => r.tree.errors.map((e) => ({ message: e.message, range: r.range(e.start, e.end) })));
}

/** What patterns are found in: the service's parsed flow document, or `readFlowDocument`'s. */
export type PatternDocument = Pick<FlowDocument, 'kind' | 'regions' | 'document'>;

function flowPatterns(flowDoc: PatternDocument, setting: DialectSetting): Pattern[] {
  const region = flowDoc.regions[0];
  const { version, reason } = dialectOf(region, setting);
  const loc = locator([region]);
  const base = { dialect: version, dialectReason: reason, errors: errorsOf([region]), ...loc };
  const forms = region.tree.forms;
  const startOf = (node: FlowNode | undefined) => (node === undefined ? region.range(0, 0) : region.range(node.start, node.start));
  if (version === '4.2') return [{ ...base, name: '', key: readPayloadHeader(region.tree).key, when: [], then: [], program: forms, start: startOf(forms[0]) }];
  const maps: MapNode[] = [];
  for (const f of forms) {
    if (f.kind === 'map') maps.push(f);
    else if (f.kind === 'vector') for (const c of f.children) if (c.kind === 'map') maps.push(c);
  }
  const patternMaps = maps.filter((m) => m.entries.some((e) => keyName(e.key) === 'when' || keyName(e.key) === 'then'));
  if (patternMaps.length > 0) {
    return patternMaps.map((m, i) => {
      const when = mapValue(m, 'when');
      const then = mapValue(m, 'then');
      return { ...base, name: mapString(m, 'name') ?? `#${i + 1}`, key: mapString(m, 'key'), when: when ? [when] : [], then: then ? [then] : [], program: [], start: startOf(m) };
    });
  }
  const when: FlowNode[] = [];
  const then: FlowNode[] = [];
  for (const f of forms) (topLevelSide(region, f) === 'when' ? when : then).push(f);
  return [{ ...base, name: '', when, then, program: [], start: startOf(forms[0]) }];
}

/**
 * The JSON parser of the service without its schemas (the service's own instance reads them from
 * disk, which a browser build cannot): only the payload's shape is needed here.
 */
const parser = getLanguageService({});

/** The pattern objects of a payload (the root object, or the objects of a root array). */
function payloadObjects(doc: TextDocument): ObjectASTNode[] {
  const root = parser.parseJSONDocument(doc).root;
  if (root?.type === 'object') return [root];
  return root?.type === 'array' ? root.items.filter((item): item is ObjectASTNode => item.type === 'object') : [];
}

/** A string property of a payload object: its value node. */
function stringProperty(object: ObjectASTNode, name: string): StringASTNode | undefined {
  const value = object.properties.find((p) => p.keyNode.value === name)?.valueNode;
  return value?.type === 'string' ? value : undefined;
}

function payloadPatterns(flowDoc: PatternDocument, setting: DialectSetting): Pattern[] {
  return payloadObjects(flowDoc.document).map((object, i) => {
    const inside = flowDoc.regions.filter((r) => r.docStart >= object.offset && r.docEnd <= object.offset + object.length);
    const name = stringProperty(object, 'name');
    const key = stringProperty(object, 'key');
    const codeRegion = inside.find((r) => r.side === undefined);
    const whenRegion = inside.find((r) => r.side === 'when');
    const thenRegion = inside.find((r) => r.side === 'then');
    const first = codeRegion ?? whenRegion ?? thenRegion;
    const dialect = first === undefined ? { version: '4.2' as const, reason: 'because the payload holds no code' } : dialectOf(first, setting);
    const start = flowDoc.document.positionAt(object.offset);
    const code = dialect.version === '4.2' ? (codeRegion ?? first) : undefined;
    return {
      name: name?.value ?? `#${i + 1}`,
      dialect: dialect.version,
      dialectReason: dialect.reason,
      key: key?.value,
      when: code === undefined ? (whenRegion?.tree.forms ?? []) : [],
      then: code === undefined ? (thenRegion?.tree.forms ?? []) : [],
      program: code?.tree.forms ?? [],
      errors: errorsOf(inside),
      ...locator(inside),
      start: { start, end: start },
    };
  });
}

/** Every pattern of a flow or pattern document, in document order. */
export function patternsOf(flowDoc: PatternDocument, setting: DialectSetting = 'auto'): Pattern[] {
  return flowDoc.kind === 'pattern' ? payloadPatterns(flowDoc, setting) : flowPatterns(flowDoc, setting);
}

/**
 * A flow or pattern document read afresh, without the service's JSON instance (which reads its
 * schemas from disk): the payload's code strings are found by the same parser, schema-less.
 */
export function readFlowDocument(doc: TextDocument, kind: 'flow' | 'pattern'): PatternDocument {
  if (kind === 'flow') return { kind, document: doc, regions: [wholeDocumentRegion(doc, readFlowWithBalance(doc.getText()).tree)] };
  const text = doc.getText();
  const regions: FlowRegion[] = [];
  const codeKeys = { code: undefined, when: 'when', then: 'then' } as const;
  for (const object of payloadObjects(doc)) {
    for (const p of object.properties) {
      const key = p.keyNode.value;
      const value = p.valueNode;
      if (value?.type !== 'string' || !Object.prototype.hasOwnProperty.call(codeKeys, key)) continue;
      const { code, offsets } = unescapeJsonString(text, value.offset, value.offset + value.length);
      const side = codeKeys[key as keyof typeof codeKeys];
      regions.push(embeddedRegion(doc, readFlow(code), offsets, side, key as keyof typeof codeKeys));
    }
  }
  return { kind, document: doc, regions };
}
