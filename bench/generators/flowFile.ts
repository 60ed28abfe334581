// W2's input: a `.cxflow` file of commented pattern maps holding exactly `sends` sends, their
// descriptions sized to bring the file to about `bytes`; and the equivalent JSON document of the
// same size for the JSON.parse floor.
import { Random, seededRandom } from '../../test/support/random';
import { sentence, word } from './words';
import { builtinCatalogue, IntegrationSpec } from './catalogue';
import { Edn, EdnMap, Json, kw, list, map, printEdn, sym, toJson } from './edn';
import { generateSend } from './sends';

export interface FlowFileOptions {
  sends: number;
  bytes: number;
  seed: number;
  /** Probability that a send carries one deliberate mistake. */
  mistakes?: number;
  catalogue?: readonly IntegrationSpec[];
}

export interface FlowFile {
  text: string;
  sends: number;
  patterns: number;
  mistakes: number;
  /** The same patterns as JSON, repeated or cut to about the size of `text`. */
  json: string;
}

export interface GeneratedPattern {
  form: EdnMap;
  sends: number;
  mistakes: number;
}

/** One pattern map whose `then` is a `seq` of at most `maxSends` sends (and a delay). */
export function generatePattern(random: Random, n: number, maxSends: number, catalogue: readonly IntegrationSpec[], mistakes: number): GeneratedPattern {
  const members: Edn[] = [sym('seq')];
  let sends = 0;
  let wrong = 0;
  const wanted = Math.min(maxSends, 1 + random.int(8));
  while (sends < wanted) {
    const send = generateSend(random, catalogue, { mistakes, allowFailureSend: wanted - sends >= 2 });
    members.push(send.form);
    sends += send.sends;
    if (send.mistake) wrong++;
  }
  if (random.chance(0.5)) members.push(list([sym('delay'), 1 + random.int(10), sym('minutes')]));
  const when = list([sym('event'), list([sym('='), sym('eventType'), word(random)])]);
  const form = map(
    [
      [kw('name'), `Pattern ${n}`],
      [kw('status'), random.chance(0.8)],
      [kw('when'), when],
      [kw('then'), list(members, 1)],
    ],
    true,
  );
  return { form, sends, mistakes: wrong };
}

export function generateFlowFile(options: FlowFileOptions): FlowFile {
  const random = seededRandom(options.seed);
  const catalogue = options.catalogue ?? builtinCatalogue;
  const patterns: GeneratedPattern[] = [];
  let sends = 0;
  while (sends < options.sends) {
    const p = generatePattern(random, patterns.length + 1, options.sends - sends, catalogue, options.mistakes ?? 0.01);
    patterns.push(p);
    sends += p.sends;
  }
  const header = ';; Generated flows: one pattern map per reaction.\n\n';
  const comment = (n: number) => `;; Pattern ${n}\n`;
  const bare = patterns.reduce((size, p, i) => size + comment(i + 1).length + printEdn(p.form).length + 2, header.length);
  // A `:description` in each pattern map brings the file to its size: text that every reader
  // must read, and that the JSON equivalent carries too.
  const entryCost = '\n :description ""'.length;
  const perPattern = Math.floor((options.bytes - bare) / patterns.length) - entryCost;
  if (perPattern > 0) {
    for (const p of patterns) p.form.map.splice(1, 0, [kw('description'), sentence(random, perPattern)]);
  }
  const parts = [header];
  patterns.forEach((p, i) => parts.push(comment(i + 1), printEdn(p.form), '\n\n'));
  const text = parts.join('');
  return {
    text,
    sends,
    patterns: patterns.length,
    mistakes: patterns.reduce((n, p) => n + p.mistakes, 0),
    json: jsonOfSize(patterns.map((p) => toJson(p.form)), text.length),
  };
}

/** A JSON array of the patterns, cycling through them until the text is about `size` characters. */
export function jsonOfSize(patterns: Json[], size: number): string {
  const pieces: string[] = [];
  let length = 2;
  for (let i = 0; length < size && patterns.length > 0; i++) {
    const piece = JSON.stringify(patterns[i % patterns.length]);
    pieces.push(piece);
    length += piece.length + 1;
  }
  return `[${pieces.join(',')}]`;
}
