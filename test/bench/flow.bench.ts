// `npm run bench`: reader and analyser time on a generated 1 MB flow file of ~5,000 sends, and
// completion latency at 500 positions in it. Figures, not assertions: the README quotes them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisContext } from '../../server/src/service/analysisContext';
import { loadBuiltinDefinitions } from '../../server/src/service/definitions/builtin';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { defaultSettings } from '../../server/src/service/settings';
import { completeFlow } from '../../server/src/service/flow/features';
import { checkFlowDocument, getFlowDocument } from '../../server/src/service/flow/index';
import { readFlow } from '../../server/src/service/flow/reader';
import { analyseRegion } from '../../server/src/service/flow/analyser';

/** Sends of every shape the analyser walks: options, templates, success scopes, nested timers, some mistakes. */
const sendShapes = [
  (i: number) =>
    `  (send twilio sms {:to-phone-number *phone-number* :from-phone-number "1-506-555-${String(i % 10000).padStart(4, '0')}"}\n        (template {:message +TM${i % 9}})\n        (retries 2))\n`,
  (i: number) =>
    `  (send twilio call {:to-phone-number *phone-number* :from-phone-number "1-506-555-1234"}\n        (success (set call-sid $sid))\n        (failure (send echo message {:message "call ${i} failed"})))\n`,
  (i: number) =>
    `  (send salesforce task {:OwnerId "005x${i}" :WhoId *contact* :WhatId *account* :Subject "Call" :Status "Not Started"\n                         :Description "Failed check-in" :ActivityDate "2026-01-01" :Priority "High"})\n`,
  (i: number) => `  (send echo message {:mesage "typo ${i}"})\n`,
  (i: number) => `  (send timer create {:trigger "${i}m" :then (send echo message {:message "later"})})\n`,
];

/** A `.cxflow` text of about `targetBytes`: pattern maps of ten sends each. */
export function generateFlow(targetBytes: number): { text: string; sends: number } {
  const parts: string[] = [];
  let length = 0;
  let sends = 0;
  let pattern = 0;
  while (length < targetBytes) {
    const header = `{:name "Pattern ${pattern}" :status true\n :when (within 1 hours (count 2 (event (= CallAction "abandoned"))))\n :then (seq\n`;
    parts.push(header);
    length += header.length;
    for (let k = 0; k < 10; k++, sends++) {
      const send = sendShapes[sends % sendShapes.length](sends);
      parts.push(send);
      length += send.length;
    }
    parts.push('  (delay 5 minutes))}\n\n');
    length += 22;
    pattern++;
  }
  return { text: parts.join(''), sends };
}

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0] };
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

function main(): void {
  const index = new DefinitionIndex();
  index.setBuiltins(loadBuiltinDefinitions());
  const { text, sends } = generateFlow(1024 * 1024);
  const uri = 'file:///bench/generated.cxflow';
  const ctx = analysisContext(index, uri, defaultSettings);
  console.log(`flow file: ${(text.length / 1024).toFixed(0)} KiB, ${sends} sends`);

  // Each figure on its own loop, with a collection before every sample when `--expose-gc` allows
  // it: a server sees one edit at a time, not the garbage of the previous measurement.
  const rounds = 20;
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const sample = (run: (round: number) => void): number[] => {
    const samples: number[] = [];
    for (let r = 0; r < rounds + 3; r++) {
      collect();
      const t = time(() => run(r));
      if (r >= 3) samples.push(t); // the first rounds warm the JIT up
    }
    return samples;
  };
  const read = sample(() => readFlow(text));
  const cachedRegion = getFlowDocument(TextDocument.create(uri, 'cxflow', 1, text)).regions[0];
  const analyse = sample(() => analyseRegion(cachedRegion, ctx, () => undefined));
  const full = sample((r) => checkFlowDocument(TextDocument.create(uri, 'cxflow', r + 2, text), ctx));
  const diagnostics = checkFlowDocument(TextDocument.create(uri, 'cxflow', 1000, text), ctx).length;
  const line = (name: string, s: ReturnType<typeof stats>) => console.log(`${name.padEnd(34)} median ${ms(s.median)}  p95 ${ms(s.p95)}  min ${ms(s.min)}`);
  line('reader', stats(read));
  line('analyser (tree cached)', stats(analyse));
  line('full check (reader + analyser)', stats(full));
  console.log(`diagnostics in the generated file: ${diagnostics}`);

  // Completion at 500 positions spread over the file, on the cached tree of one version.
  const doc = TextDocument.create(uri, 'cxflow', 2000, text);
  getFlowDocument(doc);
  const latencies: number[] = [];
  let items = 0;
  for (let k = 0; k < 500; k++) {
    const offset = Math.floor(((k + 0.5) / 500) * text.length);
    const position = doc.positionAt(offset);
    latencies.push(time(() => (items += completeFlow(doc, position, ctx, { snippets: true }).length)));
  }
  line('completion (500 positions)', stats(latencies));
  console.log(`completion items returned in total: ${items}`);
}

if (require.main === module) main();
