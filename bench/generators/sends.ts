// One generated `send`: an integration and message from a catalogue, every mandatory field and
// some optional ones, string, event-record and template values, options, and now and then one of
// the mistakes people make (a missing field, a typo, a wrong enum value).
import { Random } from '../../test/support/random';
import { sentence, word } from './words';
import { IntegrationSpec } from './catalogue';
import { Edn, EdnMap, kw, list, map, sym } from './edn';

export interface SendOptions {
  /** Probability that a send carries one deliberate mistake. */
  mistakes: number;
  /** Whether a `(failure (send echo ...))` option (a second send) may be added. */
  allowFailureSend: boolean;
}

export interface GeneratedSend {
  form: Edn;
  /** `send`/`await` forms in it (2 with a failure send). */
  sends: number;
  integration: string;
  message: string;
  mistake: boolean;
}

function fieldValue(random: Random, name: string, values: string[] | undefined): Edn {
  if (values) return random.pick(values);
  const roll = random.int(10);
  if (roll < 3) return sym(`*${name.toLowerCase()}*`);
  if (roll < 4) return sym(`+TM${1 + random.int(9)}`);
  return sentence(random, 6 + random.int(18));
}

export function generateSend(random: Random, catalogue: readonly IntegrationSpec[], options: SendOptions): GeneratedSend {
  const integration = random.pick(catalogue);
  const message = random.pick(integration.messages);
  const mistake = random.chance(options.mistakes);
  const kind = mistake ? random.int(3) : -1;
  const entries: [Edn, Edn][] = [];
  const mandatory = message.fields.filter((f) => f.mandatory);
  const dropped = kind === 0 && mandatory.length > 0 ? random.pick(mandatory).name : undefined;
  for (const field of message.fields) {
    if (field.name === dropped) continue;
    if (!field.mandatory && !random.chance(0.4)) continue;
    entries.push([kw(field.name), fieldValue(random, field.name, field.enum)]);
  }
  if (kind === 1 && entries.length > 0) {
    // A typo: one letter of a field name left out.
    const at = random.int(entries.length);
    const name = (entries[at][0] as { kw: string }).kw;
    entries[at] = [kw(name.slice(0, -2) + name.slice(-1)), entries[at][1]];
  }
  if (kind === 2) entries.push([kw('Priority'), 'Urgent']);
  const params: EdnMap = map(entries, entries.length > 2);

  const items: Edn[] = [sym('send'), sym(integration.type), sym(message.name), params];
  let sends = 1;
  if (random.chance(0.3)) items.push(list([sym('retries'), 1 + random.int(3)]));
  if (random.chance(0.2)) items.push(list([sym('within'), 1 + random.int(30), sym(random.pick(['minutes', 'hours']))]));
  if (random.chance(0.2)) items.push(list([sym('success'), list([sym('set'), sym(word(random)), sym('$sid')])]));
  if (options.allowFailureSend && random.chance(0.15)) {
    items.push(list([sym('failure'), list([sym('send'), sym('echo'), sym('message'), map([[kw('message'), `${word(random)} failed`]])])]));
    sends++;
  }
  return { form: list(items, 4), sends, integration: integration.type, message: message.name, mistake };
}
