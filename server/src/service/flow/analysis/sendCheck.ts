// The check of one interaction against the definitions, as a result every view reads: the resolved
// definition, endpoint and message (or why not), each field with its status, entries and problems,
// the credential values never to repeat, and the problems the analyser reports.
import { messages } from '../../codes';
import { AnalysisContext } from '../../analysisContext';
import { Component, Definition, definitionType, MessageField, MessageType } from '../../definitions/model';
import { FlowCode, FlowProblem } from './problems';
import { Interaction } from './interactions';
import { credentialTest, credentialValues, lookalikesOf, noSecrets, SecretValues } from './secretValues';
import { suggestionsFor } from './suggestions';
import { FlowNode, keyName, MapEntry, MapNode } from '../syntax/tree';

/** How a field of the message stands; `templated`: given by a `(template {...})` option only. */
export type FieldStatus = 'ok' | 'templated' | 'missing' | 'unknown' | 'invalid-enum' | 'secret-inline' | 'duplicate';

/** The status each field code gives, most telling first: a field shows its first problem that is shown. */
const fieldCodes: readonly [FlowCode, FieldStatus][] = [
  ['secret-inline', 'secret-inline'],
  ['missing-mandatory-field', 'missing'],
  ['unknown-field', 'unknown'],
  ['invalid-enum-value', 'invalid-enum'],
  ['duplicate-field', 'duplicate'],
];
const rank = new Map(fieldCodes.map(([code], i) => [code, i]));

export interface FieldCheck {
  name: string;
  /** The message's declaration; undefined for a field it does not declare. */
  spec?: MessageField;
  /** The params map's entries with this key, in source order. */
  entries: readonly MapEntry[];
  /** The `(template {...})` maps' entries with this key. */
  templateEntries: readonly MapEntry[];
  /** A credential (see `InteractionCheck.isCredential`): its value is never repeated. */
  credential: boolean;
  /** Its problems, most telling first (one `missing-mandatory-field` is shared by every missing field). */
  problems: readonly FlowProblem[];
  /** Did-you-mean for an unknown name, else for an invalid enum value. */
  suggestions: readonly string[];
}

/**
 * `list` with `item` added. Fields start with one shared empty list and get their own on the first
 * item: most fields of most sends get one entry and no problem, and a check runs for every send.
 */
function append<T>(list: readonly T[], item: T): T[] {
  if (list.length === 0) return [item];
  const own = list as T[];
  own.push(item);
  return own;
}

// Not frozen, only typed read-only: V8 iterates a frozen array (`for...of`) through an iterator
// object made for each loop, and these lists are iterated for every form or interaction.
const none: readonly never[] = [];

const notCredential = (): boolean => false;

/** Why the check stopped before the fields: nothing to resolve, or nothing found. */
export type Unresolved = 'no-integration' | 'unknown-integration' | 'no-endpoint' | 'no-message' | 'unknown-message';

export interface InteractionCheck {
  interaction: Interaction;
  /** The integration as written, when it is a plain name. */
  integration?: string;
  definition?: Definition;
  endpoint?: Component;
  message?: MessageType;
  unresolved?: Unresolved;
  /** Did-you-mean for the unknown integration or message. */
  suggestions: string[];
  /**
   * Whether a param name is a credential: the definition's credential params; for an unknown
   * integration, those of its lookalikes and any name that says it is a secret (hidden, not reported).
   */
  isCredential(name: string): boolean;
  /** The values written after a credential key: never repeated, never analysed. */
  secrets: SecretValues;
  /** Declared fields in the definition's order, then the others in source order (params, then templates). */
  fields: FieldCheck[];
  /** Mandatory fields nothing provides (empty when the message is unknown or a required map is absent). */
  missing: string[];
  /** In the order the analyser reports them. */
  problems: FlowProblem[];
}

/** The status of a field as shown after `shown` drops problems (severity `off`, suppression). */
export function fieldStatus(field: FieldCheck, shown: (problem: FlowProblem) => boolean = () => true): { status: FieldStatus; problem?: FlowProblem } {
  const problem = field.problems.find(shown);
  if (problem !== undefined) return { status: statusOf(problem.code), problem };
  return { status: field.entries.length === 0 && field.templateEntries.length > 0 ? 'templated' : 'ok' };
}

function statusOf(code: FlowCode): FieldStatus {
  for (const [c, status] of fieldCodes) if (c === code) return status;
  return 'ok';
}

/** Every definition check of one interaction; the walk of its options and values is the analyser's. */
export function checkInteraction(interaction: Interaction, ctx: AnalysisContext): InteractionCheck {
  const check = new Checker(interaction);
  check.shape();
  check.resolve(ctx);
  check.fields();
  return check.result;
}

/** A check's findings; its list of fields is made when first read (the analyser reads only the problems). */
class CheckResult implements InteractionCheck {
  integration?: string;
  definition?: Definition;
  endpoint?: Component;
  message?: MessageType;
  unresolved?: Unresolved;
  suggestions: string[] = none as never[];
  isCredential: (name: string) => boolean = notCredential;
  secrets: SecretValues = noSecrets;
  missing: string[] = none as never[];
  problems: FlowProblem[] = [];

  /** A true private field: not enumerable, so serialising a result does not walk into its checker. */
  readonly #checker: Checker;

  constructor(
    readonly interaction: Interaction,
    checker: Checker,
  ) {
    this.#checker = checker;
  }

  get fields(): FieldCheck[] {
    return this.#checker.fieldList();
  }
}

class Checker {
  readonly result: InteractionCheck;
  /** The message's field declarations, in its order (none while the message is unknown). */
  private specs: readonly MessageField[] = none;
  /**
   * The record of each declared field, by its place in `specs`, made when the field is first
   * used: the analyser reads only the problems, and most fields of most messages go unused.
   */
  private declared: (FieldCheck | undefined)[] = none as never[];
  private undeclared: FieldCheck[] = none as never[];
  private allFields: FieldCheck[] | undefined;

  constructor(private readonly interaction: Interaction) {
    this.result = new CheckResult(interaction, this);
  }

  private lookalikes: readonly Definition[] = none;

  /** Which names are credentials, and so which values are secret, once the integration is looked up. */
  private credentials(name: string, definition: Definition | undefined, ctx: AnalysisContext): void {
    const { result, interaction } = this;
    if (definition === undefined) this.lookalikes = lookalikesOf(name, ctx);
    result.isCredential = credentialTest(definition, this.lookalikes);
    result.secrets = credentialValues(interaction, result.isCredential);
  }

  private report(problem: FlowProblem, field?: FieldCheck): void {
    this.result.problems.push(problem);
    if (field === undefined) return;
    const problems = append(field.problems, problem);
    let at = problems.length - 1;
    while (at > 0 && (rank.get(problems[at - 1].code) ?? 0) > (rank.get(problem.code) ?? 0)) {
      problems[at] = problems[at - 1];
      at--;
    }
    problems[at] = problem;
    field.problems = problems;
  }

  /** Where the shape is wrong; the definition checks run on what is there. */
  shape(): void {
    const { verb, operatorNode, integrationNode, messageNode, paramsNode } = this.interaction;
    if (integrationNode === undefined || messageNode === undefined || (paramsNode === undefined && !verb.paramsOptional)) {
      this.report({ code: 'arity', start: operatorNode.start, end: operatorNode.end, message: messages.formShape(verb.name, verb.shape) });
    }
    if (integrationNode !== undefined && integrationNode.kind !== 'symbol') {
      this.report({ code: 'arity', start: integrationNode.start, end: integrationNode.end, message: messages.notAName('an integration') });
    }
    if (messageNode !== undefined && messageNode.kind !== 'symbol') {
      this.report({ code: 'arity', start: messageNode.start, end: messageNode.end, message: messages.notAName('a message type') });
    }
    if (paramsNode !== undefined && paramsNode.kind !== 'map') {
      this.report({ code: 'arity', start: paramsNode.start, end: paramsNode.end, message: messages.paramsNotMap(verb.name) });
    }
  }

  resolve(ctx: AnalysisContext): void {
    const result = this.result;
    const node = this.interaction.integrationNode;
    if (node?.kind !== 'symbol') {
      result.unresolved = 'no-integration';
      result.isCredential = credentialTest(undefined, []);
      result.secrets = credentialValues(this.interaction, result.isCredential);
      return;
    }
    const name = node.name;
    result.integration = name;
    const definition = ctx.lookup(name);
    this.credentials(name, definition, ctx);
    if (definition === undefined) {
      result.unresolved = 'unknown-integration';
      result.suggestions = this.lookalikes.flatMap((d) => definitionType(d) ?? []);
      this.report({
        code: 'unknown-integration',
        start: node.start,
        end: node.end,
        message: messages.unknownIntegration(name, result.suggestions[0]),
        data: { integration: name, suggestions: result.suggestions },
      });
      return;
    }
    result.definition = definition;
    if (definition.endpoint === undefined) {
      result.unresolved = 'no-endpoint';
      this.report({
        code: 'unknown-integration',
        start: node.start,
        end: node.end,
        message: messages.integrationWithoutEndpoint(name),
        data: { integration: name, suggestions: [] },
      });
      return;
    }
    const endpoint = definition.endpoint;
    result.endpoint = endpoint;
    const messageNode = this.interaction.messageNode;
    if (messageNode?.kind !== 'symbol') {
      result.unresolved = 'no-message';
      return;
    }
    const message = endpoint.message(messageNode.name);
    if (message !== undefined) {
      result.message = message;
      return;
    }
    result.unresolved = 'unknown-message';
    result.suggestions = suggestionsFor(
      messageNode.name,
      endpoint.sends.map((m) => m.name),
    );
    this.report({
      code: 'unknown-message',
      start: messageNode.start,
      end: messageNode.end,
      message: messages.unknownMessage(name, messageNode.name, result.suggestions[0]),
      data: { integration: name, message: messageNode.name, suggestions: result.suggestions },
    });
  }

  private newField(name: string, spec: MessageField | undefined): FieldCheck {
    return { name, spec, entries: none, templateEntries: none, credential: this.result.isCredential(name), problems: none, suggestions: none };
  }

  /** The declared field at `index` of `specs`, its record made on first use. */
  private declaredField(index: number): FieldCheck {
    const spec = this.specs[index];
    return (this.declared[index] ??= this.newField(spec.name, spec));
  }

  /** The field `name`, declared or added to the undeclared ones. A params map holds a handful: searched, not hashed. */
  private field(name: string): FieldCheck {
    const specs = this.specs;
    for (let i = 0; i < specs.length; i++) if (specs[i].name === name) return this.declaredField(i);
    for (const f of this.undeclared) if (f.name === name) return f;
    const field = this.newField(name, undefined);
    if (this.undeclared.length === 0) this.undeclared = [field];
    else this.undeclared.push(field);
    return field;
  }

  /** Declared fields in the message's order, then the others in source order. */
  fieldList(): FieldCheck[] {
    if (this.allFields === undefined) {
      const list: FieldCheck[] = [];
      for (let i = 0; i < this.specs.length; i++) list.push(this.declaredField(i));
      for (const f of this.undeclared) list.push(f);
      this.allFields = list;
    }
    return this.allFields;
  }

  fields(): void {
    const { interaction, result } = this;
    const message = result.message;
    if (message !== undefined && message.fields.length > 0) {
      this.specs = message.fields;
      this.declared = new Array<FieldCheck | undefined>(message.fields.length).fill(undefined);
    }
    if (interaction.params !== undefined) this.checkMap(interaction.params, false);
    for (const map of interaction.templates) this.checkMap(map, true);
    this.credentialsAsValues();
    if (message !== undefined && (interaction.params !== undefined || interaction.verb.paramsOptional)) this.checkMissing(message);
  }

  /**
   * Checks the fields of one params map (the interaction's own or a template's). Duplicates are
   * found by looking back over the entries, not with a set: a params map holds a handful of fields.
   */
  private checkMap(map: MapNode, templated: boolean): void {
    const { result } = this;
    const integration = result.integration as string;
    const message = result.message;
    const entries = map.entries;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      const key = entry.key;
      // A key inside a credential's value (an odd map shifts the pairs) is part of the secret.
      if (result.secrets.holds(key)) continue;
      const name = keyName(key);
      if (name === undefined || name === '') continue;
      const field = this.field(name);
      if (templated) field.templateEntries = append(field.templateEntries, entry);
      else field.entries = append(field.entries, entry);
      const first = this.earlierKey(entries, k, name);
      if (first !== undefined) {
        this.report(
          {
            code: 'duplicate-field',
            start: key.start,
            end: key.end,
            message: messages.duplicateField(name),
            data: { field: name },
            dataRanges: { firstRange: { start: first.start, end: first.end } },
          },
          field,
        );
      }
      if (field.credential) {
        if (result.definition !== undefined) this.secretInline(field, key, entry.value ?? key);
        continue;
      }
      if (message === undefined) continue;
      const spec = field.spec;
      if (spec === undefined) {
        // Not a field the map already holds: taking the suggestion would write it twice.
        field.suggestions = suggestionsFor(
          name,
          message.fields.map((f) => f.name).filter((f) => this.earlierKey(entries, entries.length, f) === undefined),
        );
        this.report(
          {
            code: 'unknown-field',
            start: key.start,
            end: key.end,
            message: messages.unknownField(name, message.name, field.suggestions[0]),
            data: { field: name, integration, message: message.name, suggestions: field.suggestions },
          },
          field,
        );
        continue;
      }
      const value = entry.value;
      if (spec.enum !== undefined && spec.enum.length > 0 && value?.kind === 'string' && value.closed && !spec.enum.includes(value.value)) {
        field.suggestions = suggestionsFor(value.value, spec.enum);
        this.report(
          {
            code: 'invalid-enum-value',
            start: value.start,
            end: value.end,
            message: messages.invalidEnumValue(value.value, name, spec.enum, field.suggestions[0]),
            data: { field: name, value: value.value, allowed: spec.enum, suggestions: field.suggestions },
          },
          field,
        );
      }
    }
  }

  /** The key of the first entry before index `before` named `name` (keys inside a secret do not count). */
  private earlierKey(entries: readonly MapEntry[], before: number, name: string): FlowNode | undefined {
    for (let k = 0; k < before; k++) {
      const key = entries[k].key;
      if (keyName(key) === name && !this.result.secrets.holds(key)) return key;
    }
    return undefined;
  }

  private secretInline(field: FieldCheck, key: FlowNode, last: FlowNode): void {
    const integration = this.result.integration as string;
    this.report(
      {
        code: 'secret-inline',
        start: key.start,
        end: key.end,
        message: messages.secretInline(field.name, integration),
        data: { field: field.name, integration },
        dataRanges: { entryRange: { start: key.start, end: Math.max(last.end, key.end) } },
      },
      field,
    );
  }

  /** A credential keyword in value position: an entry the pairing shifted (`{:to :password "x"}`). */
  private credentialsAsValues(): void {
    for (const { key, values } of this.result.secrets.shiftedKeys) {
      const field = this.field(keyName(key) as string);
      field.entries = append(field.entries, { key, value: values[0] });
      if (this.result.definition !== undefined) this.secretInline(field, key, values[values.length - 1] ?? key);
    }
  }

  /** Whether the declared field at `index` is mandatory and nothing provides it. */
  private isMissing(index: number): boolean {
    if (!this.specs[index].mandatory) return false;
    const field = this.declared[index];
    return field === undefined || (field.entries.length === 0 && field.templateEntries.length === 0);
  }

  private checkMissing(message: MessageType): void {
    const { interaction, result } = this;
    const missing: string[] = [];
    for (let i = 0; i < this.specs.length; i++) if (this.isMissing(i)) missing.push(this.specs[i].name);
    if (missing.length === 0) return;
    result.missing = missing;
    const integration = result.integration as string;
    const from = interaction.integrationNode as FlowNode;
    const to = interaction.messageNode as FlowNode;
    const params = interaction.params;
    const problem: FlowProblem = {
      code: 'missing-mandatory-field',
      start: from.start,
      end: to.end,
      message: messages.missingMandatoryFields(integration, message.name, result.missing),
      data: { integration, message: message.name, missing: result.missing, paramsClosed: params?.closed ?? false },
    };
    if (params !== undefined) problem.dataRanges = { paramsRange: { start: params.start, end: params.end } };
    this.result.problems.push(problem);
    // A missing field has no entry, so no other problem: this one is its first.
    for (let i = 0; i < this.specs.length; i++) if (this.isMissing(i)) this.declaredField(i).problems = [problem];
  }
}
