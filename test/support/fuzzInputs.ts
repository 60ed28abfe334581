// Seeded documents for the fuzz test: real-looking flows, pattern files and definitions (from the
// benchmark generators), then broken by random cuts, splices and hostile pieces (unbalanced
// brackets, escapes, half surrogate pairs, control characters, typos), and random edits on them.
import { generateDefinitionFile, generateFlowFile, generatePatternFile } from '../../bench/generators';
import { Random } from './random';

export type FuzzKind = 'flow' | 'pattern' | 'definition';

export interface FuzzDocument {
  kind: FuzzKind;
  text: string;
}

/** Pieces people and tools leave in files: half-typed forms, escapes, odd characters. */
const pieces = [
  '(', ')', '[', ']', '{', '}', '"', '\\', '\\"', '\\u', '\\u12', '\\n', ';', ';; When\n', ';; Then\n', '; cxengage-disable-next-line\n',
  ':', ':to-phone-number ', ' *phone* ', ' $sid ', ' +TM1 ', '(send ', '(await ', 'twilio ', 'sms ', 'echo message ', '{:message ',
  '(success ', '(failure ', '(delay 1 ', 'hours', '(seq ', '(par ', '(if ', '(= ', '"hi"', '1.5', '-3', '1/2', 'nil', 'true',
  '\n', '\r\n', '\t', ',', ' ', '\u0000', '\u001b', '\ud83d', '\ude00', '😀', 'é', '\u2028', '\ufeff',
  '": "', '", "', '"then": "', '"when": "', '"status": true', '"type": "', '"params": [', '"redact": [', '"sends": {',
  '"mandatory"', '"optional"', '"enum": [', '"password"', '"schema": [', '{"param": "', '"', ', ', ']', '}',
];

function generated(random: Random, kind: FuzzKind): string {
  const seed = random.int(1_000_000);
  switch (kind) {
    case 'flow':
      return generateFlowFile({ sends: 1 + random.int(6), bytes: 200 + random.int(1200), seed, mistakes: 0.3 }).text;
    case 'pattern':
      return generatePatternFile({ patterns: 1 + random.int(3), seed }).text;
    case 'definition':
      return generateDefinitionFile({ messages: 1 + random.int(3), fields: 1 + random.int(4), bytes: 300 + random.int(1500), seed }).text;
  }
}

/** One random change of `text`: a cut, an inserted piece, a splice of its own text, or a swap. */
export function mutate(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + random.int(12));
    case 1:
      return text.slice(0, at) + random.pick(pieces) + text.slice(at);
    case 2: {
      const from = random.int(text.length + 1);
      return text.slice(0, at) + text.slice(from, from + random.int(40)) + text.slice(at);
    }
    default:
      return text.slice(0, at) + text.slice(at, at + 8).split('').reverse().join('') + text.slice(at + 8);
  }
}

/** A document of a random kind: generated, then broken a little or a lot (now and then not at all). */
export function fuzzDocument(random: Random): FuzzDocument {
  const kind = random.pick<FuzzKind>(['flow', 'flow', 'pattern', 'definition']);
  let text = random.chance(0.1) ? Array.from({ length: random.int(200) }, () => random.pick(pieces)).join('') : generated(random, kind);
  const mutations = random.chance(0.15) ? 0 : 1 + random.int(random.chance(0.3) ? 40 : 6);
  for (let i = 0; i < mutations; i++) text = mutate(random, text);
  return { kind, text };
}

/** The credential value the fuzz test plants: no generator or piece writes it, so no answer may hold it. */
export const plantedSecret = 'PLANTEDSECRET';

/** Ways of writing a value after a credential key, well-formed or not (`V` stands for the secret). */
const plantedValues = ['"V"', 'V', '123V', '12X V', '{:a V}', '[V 1]', '"V\\"x"', '#{V}', '(str V)'];

/**
 * `text` with a send passing the planted secret as a credential (twilio's `password`) written
 * where the reader is sure to read it as code: before the first form of a flow, as the first
 * payload of a pattern file (4.1 `then` or 4.2 `code`). The rest of the text stays as it was.
 */
export function plantSecret(random: Random, kind: 'flow' | 'pattern', text: string): string {
  const value = random.pick(plantedValues).replace('V', plantedSecret);
  const shapes = [
    `{:to-phone-number "1" :password ${value}}`,
    `{:to-phone-number :password ${value}}`,
    `{:to-phone-number "1"} (template {:password ${value}})`,
  ];
  const params = random.pick(shapes);
  if (kind === 'flow') return `(send twilio sms ${params})\n${text}`;
  const payload = random.chance(0.5)
    ? { name: 'planted', status: true, when: '(event)', then: `(send twilio sms ${params})` }
    : { name: 'planted', status: true, code: `(perform twilio sms ${params})` };
  const json = JSON.stringify(payload);
  const open = text.search(/\S/);
  return open >= 0 && text[open] === '[' ? `${text.slice(0, open + 1)}${json},${text.slice(open + 1)}` : `[${json}]\n${text}`;
}
