// W2's 4.2 input: a program of commented blocks, each a `def`, an event collection, and a `let`
// binding an interaction's result around a `when` on an event field that runs more interactions,
// with exactly `sends` interactions; a `def`'d note in each block brings the file to about `bytes`.
// The equivalent JSON document of the same size is the JSON.parse floor.
import { Random, seededRandom } from '../../test/support/random';
import { sentence, word } from './words';
import { builtinCatalogue, IntegrationSpec } from './catalogue';
import { Edn, kw, list, map, printEdn, sym, toJson, Vec } from './edn';
import { FlowFile, FlowFileOptions, jsonOfSize } from './flowFile';
import { generateSend } from './sends';

const verbs = ['fetch', 'perform', 'create', 'update', 'delete'];

/** A generated 4.1 send as a 4.2 interaction: a verb, the same params, `(retries n)` kept, 4.1 options left out. */
function interaction(random: Random, catalogue: readonly IntegrationSpec[], mistakes: number): { form: Edn; mistake: boolean } {
  const send = generateSend(random, catalogue, { mistakes, allowFailureSend: false });
  const items = (send.form as { list: Edn[] }).list;
  const kept: Edn[] = [sym(random.pick(verbs)), items[1], items[2], eventFields(items[3])];
  for (const option of items.slice(4)) if (typeof option === 'object' && 'list' in option && (option.list[0] as { sym: string }).sym === 'retries') kept.push(option);
  return { form: list(kept, 4), mistake: send.mistake };
}

/** 4.1's event record values `*name*` are 4.2's event fields `$name`. */
function eventFields(params: Edn): Edn {
  if (typeof params !== 'object' || !('map' in params)) return params;
  const entries = params.map.map(([k, v]): [Edn, Edn] => {
    const name = typeof v === 'object' && 'sym' in v && v.sym.startsWith('*') ? v.sym.slice(1, -1) : undefined;
    return [k, name === undefined ? v : sym(`$${name}`)];
  });
  return map(entries, params.multiline);
}

const vec = (items: Edn[]): Vec => ({ vec: items, multiline: true });

interface Block {
  forms: Edn[];
  sends: number;
  mistakes: number;
}

function generateBlock(random: Random, n: number, maxSends: number, catalogue: readonly IntegrationSpec[], mistakes: number): Block {
  let sends = 0;
  let wrong = 0;
  const next = () => {
    const made = interaction(random, catalogue, mistakes);
    sends++;
    if (made.mistake) wrong++;
    return made.form;
  };
  const limit = `limit-${n}`;
  const criteria = map([
    [kw('type'), word(random)],
    [kw('total'), list([sym('>'), random.int(1000)])],
  ]);
  const collected = random.chance(0.5) ? list([sym('within'), 1 + random.int(30), sym(random.pick(['minute', 'hours', 'days'])), list([sym('event'), criteria])], 3) : list([sym('event'), criteria]);
  const body: Edn[] = [sym('when'), list([sym('>'), sym('$total'), sym(limit)])];
  const wanted = Math.min(maxSends, 1 + random.int(6));
  const bound = next();
  while (sends < wanted) body.push(next());
  if (random.chance(0.5)) body.push(list([sym('delay'), 1 + random.int(10), sym('minutes')]));
  const let_ = list([sym('let'), vec([sym('result'), bound]), list(body, 2)], 2);
  const forms: Edn[] = [list([sym('def'), sym(limit), random.int(500)]), collected, let_];
  return { forms, sends, mistakes: wrong };
}

export function generateFlowFile42(options: FlowFileOptions): FlowFile {
  const random = seededRandom(options.seed);
  const catalogue = options.catalogue ?? builtinCatalogue;
  const blocks: Block[] = [];
  let sends = 0;
  while (sends < options.sends) {
    const block = generateBlock(random, blocks.length + 1, options.sends - sends, catalogue, options.mistakes ?? 0.01);
    blocks.push(block);
    sends += block.sends;
  }
  const header = '; cxengage-dialect: 4.2\n;; Generated 4.2 program: one block per pattern.\n\n';
  const comment = (n: number) => `;; Block ${n}\n`;
  const printed = (b: Block) => b.forms.map((f) => printEdn(f)).join('\n');
  const bare = blocks.reduce((size, b, i) => size + comment(i + 1).length + printed(b).length + 2, header.length);
  // A `(def note-n "...")` in each block brings the file to its size: text every reader must read.
  const noteCost = (n: number) => `(def note-${n} "")\n`.length;
  const perBlock = Math.floor((options.bytes - bare) / blocks.length) - noteCost(blocks.length);
  if (perBlock > 0) blocks.forEach((b, i) => b.forms.unshift(list([sym('def'), sym(`note-${i + 1}`), sentence(random, perBlock)])));
  const parts = [header];
  blocks.forEach((b, i) => parts.push(comment(i + 1), printed(b), '\n\n'));
  const text = parts.join('');
  return {
    text,
    sends,
    patterns: blocks.length,
    mistakes: blocks.reduce((n, b) => n + b.mistakes, 0),
    json: jsonOfSize(
      blocks.map((b) => b.forms.map(toJson)),
      text.length,
    ),
  };
}
