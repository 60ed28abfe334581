// W2's input: a `.cxflow` file of pattern maps holding exactly `sends` sends, padded with comment
// lines to about `bytes`; and the equivalent JSON document of the same size for the JSON.parse floor.
import { Random, seededRandom, sentence, word } from '../random';
import { builtinCatalogue, IntegrationSpec } from './catalogue';
import { Edn, Json, kw, list, map, printEdn, sym, toJson } from './edn';
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
  form: Edn;
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
  const printed = patterns.map((p) => printEdn(p.form));
  const header = ';; Generated flows: one pattern map per reaction.\n\n';
  const bare = header.length + printed.reduce((n, s) => n + s.length + 2, 0);
  // Comment lines of at most 96 characters before each pattern bring the file to its size.
  const perPattern = Math.max(0, Math.floor((options.bytes - bare) / patterns.length));
  const parts = [header];
  for (const text of printed) {
    let budget = perPattern;
    while (budget >= 5) {
      const line = Math.min(budget, 100);
      parts.push(`;; ${sentence(random, line - 4)}\n`);
      budget -= line;
    }
    parts.push(text, '\n\n');
  }
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
