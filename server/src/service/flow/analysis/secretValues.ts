// Where flow code writes a credential's value: the forms after a credential key in an interaction's
// params or template maps. Their text is never repeated (messages, data, hover, previews, logs) and
// the analyser does not look inside them.
import { AnalysisContext } from '../../analysisContext';
import { credentialParams, Definition, definitionType } from '../../definitions/model';
import { isSecretName } from '../../definitions/secretNames';
import { FlowRegion } from '../embedding/region';
import { Interaction, interactionOfMap, InteractionVerb, readInteraction } from './interactions';
import { suggestionsFor } from './suggestions';
import { FlowNode, isContainer, KeywordNode, keyName, MapNode, nodeAt } from '../syntax/tree';

export interface SecretValues {
  /** The value forms, in source order. */
  nodes: FlowNode[];
  /**
   * Credential keywords that a malformed map put in value position, with the forms after them:
   * `{:to :password "x"}` means `:password "x"`, however the pairs fall.
   */
  shiftedKeys: { key: KeywordNode; values: FlowNode[] }[];
  /** Whether `node` is one of the value forms or inside one. */
  holds(node: FlowNode): boolean;
}

/** Before the integration is looked up: nothing is known to be secret yet. */
export const noSecrets: SecretValues = { nodes: [], shiftedKeys: [], holds: () => false };

const credentialsByDefinition = new WeakMap<Definition, { names: Set<string>; test: (name: string) => boolean }>();

/** A definition's credentials and their test, made once per definition version (definitions are immutable). */
function credentialsEntry(definition: Definition): { names: Set<string>; test: (name: string) => boolean } {
  let entry = credentialsByDefinition.get(definition);
  if (entry === undefined) {
    const names = credentialParams(definition);
    entry = { names, test: (name) => names.has(name) };
    credentialsByDefinition.set(definition, entry);
  }
  return entry;
}

function credentialsOf(definition: Definition): Set<string> {
  return credentialsEntry(definition).names;
}

function testOf(definition: Definition): (name: string) => boolean {
  return credentialsEntry(definition).test;
}

/**
 * The forms written after a credential key. In a well-formed map that is the key's value. After a
 * keyword key it is every form up to the next keyword (in a well-formed map of keyword keys, the
 * value alone), and a keyword in value position counts as a key: in a malformed entry the
 * author's pairs can no longer be told from the reader's, whatever the number of forms.
 */
function valuesInMap(map: MapNode, isCredential: (name: string) => boolean, out: Partial<Pick<SecretValues, 'nodes' | 'shiftedKeys'>>): void {
  const children = map.children;
  const odd = children.length % 2 === 1;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const asKey = i % 2 === 0 ? keyName(child) : child.kind === 'keyword' ? child.name : undefined;
    if (asKey === undefined || !isCredential(asKey)) continue;
    const values: FlowNode[] = [];
    let j = i + 1;
    if (j < children.length) values.push(children[j++]);
    if (odd || child.kind === 'keyword') while (j < children.length && children[j].kind !== 'keyword') values.push(children[j++]);
    for (const v of values) (out.nodes ??= []).push(v);
    if (i % 2 === 1 && child.kind === 'keyword') (out.shiftedKeys ??= []).push({ key: child, values });
    i = j - 1;
  }
}

/** The credential values of one interaction, given which names are credentials. */
export function credentialValues(interaction: Interaction, isCredential: (name: string) => boolean): SecretValues {
  // The lists are made on the first credential: most interactions pass none, and share one empty answer.
  const found: Partial<Pick<SecretValues, 'nodes' | 'shiftedKeys'>> = {};
  if (interaction.params !== undefined) valuesInMap(interaction.params, isCredential, found);
  for (const map of interaction.templates) valuesInMap(map, isCredential, found);
  if (found.nodes === undefined && found.shiftedKeys === undefined) return noSecrets;
  const nodes = found.nodes ?? [];
  return { nodes, shiftedKeys: found.shiftedKeys ?? [], holds: (node) => nodes.some((n) => node.start >= n.start && node.end <= n.end) };
}

/**
 * Which names an interaction's credentials are: its definition's. Where the integration is not
 * known, the credentials of the integrations it may be a misspelling of, and any name that says it
 * is a secret: a typo in the integration's name must not put a password on show.
 */
export function credentialTest(definition: Definition | undefined, lookalikes: readonly Definition[]): (name: string) => boolean {
  if (definition !== undefined) return testOf(definition);
  const sets = lookalikes.map(credentialsOf);
  return (name) => isSecretName(name) || sets.some((s) => s.has(name));
}

function valuesOf(interaction: Interaction, ctx: AnalysisContext): SecretValues {
  const integration = interaction.integrationNode;
  const name = integration?.kind === 'symbol' ? integration.name : undefined;
  const definition = name === undefined ? undefined : ctx.lookup(name);
  const lookalikes = definition === undefined && name !== undefined ? lookalikesOf(name, ctx) : [];
  return credentialValues(interaction, credentialTest(definition, lookalikes));
}

/** The definitions with an endpoint whose type is close to `name`. */
export function lookalikesOf(name: string, ctx: AnalysisContext): Definition[] {
  const byType = new Map<string, Definition>();
  for (const d of ctx.visible()) {
    const type = definitionType(d);
    if (type !== undefined && d.endpoint !== undefined) byType.set(type, d);
  }
  return suggestionsFor(name, byType.keys()).flatMap((t) => byType.get(t) ?? []);
}

/** Whether the code at `offset` is (inside) a credential's value. Climbs the parents: safe on any depth. */
export function isSecretAt(region: FlowRegion, offset: number, ctx: AnalysisContext): boolean {
  const node = nodeAt(region.tree, offset);
  // Any dialect's verbs: a credential in a form of the other dialect is hidden all the same.
  for (let n: FlowNode | undefined = node; n !== undefined; n = n.parent) {
    if (n.kind !== 'map') continue;
    const interaction = interactionOfMap(n);
    if (interaction !== undefined && node !== undefined && valuesOf(interaction, ctx).holds(node)) return true;
  }
  return false;
}

/**
 * A message about code inside a credential's value, with every quoted word that holds a letter or
 * digit replaced: "Invalid number `•••`". The reader quotes tokens before any definition is known.
 */
export function redactQuotes(message: string): string {
  return message.replace(/`[^`]*`/g, (quoted) => (/[\p{L}\p{N}]/u.test(quoted) ? '`•••`' : quoted));
}

/**
 * The code ranges of the credential values in one form, found from its interactions alone (a
 * dialect's `verbs`, as its grammar holds them: `grammarOf(dialect).verbMap`), in source order.
 * For readers other than the analyser (the simulator's traces). A walk with a stack: any depth.
 */
export function credentialRangesIn(form: FlowNode, ctx: AnalysisContext, verbs: ReadonlyMap<string, InteractionVerb>): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const stack: FlowNode[] = [form];
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    const interaction = node.kind === 'list' ? readInteraction(node, verbs) : undefined;
    if (interaction !== undefined) for (const value of valuesOf(interaction, ctx).nodes) ranges.push({ start: value.start, end: value.end });
    for (const child of node.children) stack.push(child);
  }
  return ranges.sort((a, b) => a.start - b.start);
}
