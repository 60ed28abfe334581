// Random interactions over the built-in definitions, from a seed: every kind of field and mistake
// the send check knows, laid out over several lines so that suppression comments can hit some of
// them, and random severity overrides. Values after credential keys are planted secrets.
import { Random } from './random';
import { FlowCode } from '../../server/src/service/flow/analysis/problems';
import { Definition } from '../../server/src/service/definitions/model';
import { SeveritySetting } from '../../server/src/service/codes';

/** Every planted secret starts with this: no output may hold it. */
export const planted = 'PLANTED';

/** The codes the send check reports. */
export const sendCheckCodes: readonly FlowCode[] = [
  'arity',
  'unknown-integration',
  'unknown-message',
  'missing-mandatory-field',
  'unknown-field',
  'invalid-enum-value',
  'secret-inline',
  'duplicate-field',
];

const levels: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface RandomSend {
  text: string;
  severity: Partial<Record<FlowCode, SeveritySetting>>;
}

/** A misspelling: one letter dropped, doubled or swapped with the next. */
function misspell(random: Random, name: string): string {
  if (name.length < 3) return `${name}x`;
  const i = random.int(name.length - 1);
  switch (random.int(3)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    default:
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
  }
}

function key(random: Random, name: string): string {
  return random.chance(0.85) ? `:${name}` : `"${name}"`;
}

function value(random: Random, allowed: readonly string[] | undefined): string {
  if (allowed !== undefined && allowed.length > 0 && random.chance(0.6)) {
    return random.chance(0.7) ? `"${random.pick(allowed)}"` : `"${misspell(random, random.pick(allowed))}"`;
  }
  return random.pick(['"text"', '*event-field*', '+TM1', 'a-variable', '42', 'nil', 'true', '{:a 1}', '[1 2]']);
}

/** One interaction with its entries on one or several lines, and its severity overrides. */
export function randomSend(random: Random, definitions: readonly Definition[]): RandomSend {
  const secrets = { n: 0 };
  const withEndpoint = definitions.filter((d) => d.endpoint !== undefined && d.endpoint.sends.length > 0);
  const definition = random.pick(withEndpoint);
  const endpoint = definition.endpoint as NonNullable<Definition['endpoint']>;
  const type = definition.type?.value ?? 'x';
  const integration = random.chance(0.08) ? misspell(random, type) : random.chance(0.03) ? 'datasift' : type;
  const message = random.pick(endpoint.sends);
  const messageName = random.chance(0.08) ? misspell(random, message.name) : message.name;
  const entries: string[] = [];
  for (const field of message.fields) {
    if (random.chance(field.mandatory ? 0.7 : 0.3)) entries.push(`${key(random, field.name)} ${value(random, field.enum)}`);
    if (random.chance(0.05)) entries.push(`${key(random, field.name)} ${value(random, field.enum)}`);
    if (random.chance(0.06)) entries.push(`${key(random, misspell(random, field.name))} ${value(random, undefined)}`);
  }
  const credentials = [...(endpoint.staticParams ?? []), ...(endpoint.redact ?? [])].map((p) => p.value);
  if (credentials.length > 0 && random.chance(0.15)) {
    entries.splice(random.int(entries.length + 1), 0, `${key(random, random.pick(credentials))} "${planted}-C${secrets.n++}"`);
  }
  for (let i = entries.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  const multiLine = random.chance(0.5);
  const suppress = () => {
    const codes = sendCheckCodes.filter(() => random.chance(0.3));
    return `; cxengage-disable-next-line${codes.length > 0 ? ` ${codes.join(', ')}` : ''}`;
  };
  const lines: string[] = [];
  const words = `(${random.chance(0.8) ? 'send' : 'await'} ${integration} ${messageName}`;
  if (random.chance(0.2)) lines.push(suppress());
  const shape = random.int(20);
  if (shape === 0) lines.push(words + ')');
  else if (shape === 1) lines.push(`${words} 42)`);
  else if (!multiLine) lines.push(`${words} {${entries.join(' ')}})`);
  else {
    lines.push(`${words} {${entries[0] ?? ''}`);
    for (const entry of entries.slice(1)) {
      if (random.chance(0.2)) lines.push(`  ${suppress()}`);
      lines.push(`  ${entry}`);
    }
    lines[lines.length - 1] += '}';
    if (random.chance(0.3)) {
      const field = random.pick(message.fields);
      lines.push(`  (template {${key(random, field.name)} +TM2})`);
    }
    lines[lines.length - 1] += ')';
  }
  const severity: RandomSend['severity'] = {};
  if (random.chance(0.6)) for (const code of sendCheckCodes) if (random.chance(0.3)) severity[code] = random.pick(levels);
  return { text: `${lines.join('\n')}\n`, severity };
}
