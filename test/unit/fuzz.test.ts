// Fuzzing the language service: seeded documents of every kind (generated, then broken) through
// every feature at random positions (some past the end), then edited a little at a time. Every
// answer must come without an exception and keep its ranges inside the document and off the
// middle of surrogate pairs, no diagnostic message may hold half a pair, and an edited document
// must check as the same text opened fresh. Half the flows and pattern files carry a planted
// credential value, which no answer may repeat (messages, data, hover, completion, previews).
// `npm test` runs a few thousand documents; CXENGAGE_FUZZ=long runs a hundred
// thousand, and CXENGAGE_FUZZ_SEED=n replays another sequence.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/service/languageService';
import { languageIds } from '../../server/src/service/documentKind';
import { FuzzDocument, FuzzKind, fuzzDocument, mutate, plantSecret, plantedSecret } from '../support/fuzzInputs';
import { Random, seededRandom } from '../support/random';
import { openDocumentsService } from '../support/service';

const long = process.env.CXENGAGE_FUZZ === 'long';
const documents = long ? 100_000 : 2_000;
const seed = Number(process.env.CXENGAGE_FUZZ_SEED ?? 1);

const extension: Record<FuzzKind, string> = { flow: '.cxflow', pattern: '.pattern.json', definition: '.integration.json' };
const languageOf: Record<FuzzKind, string> = { flow: languageIds.flow, pattern: languageIds.pattern, definition: languageIds.definition };

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}

function isDiagnostic(value: object): value is Diagnostic {
  return isRange((value as Diagnostic).range) && typeof (value as Diagnostic).message === 'string' && 'code' in value;
}

/**
 * Checks every answer given for one document: each range inside it and not splitting a surrogate
 * pair, each diagnostic's message free of half pairs. Ranges in other files (a definition's
 * location) are skipped by `uri`. Every answer passes here, so a rule over all of them (no
 * credential of the input repeated anywhere) belongs here too.
 */
function checkAnswers(doc: TextDocument, answers: unknown[], what: string): void {
  const text = doc.getText();
  const stack: unknown[] = [...answers];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if ('uri' in value && typeof value.uri === 'string' && value.uri !== doc.uri) continue;
    if (isDiagnostic(value)) {
      const message = value.message as string;
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(message), `${what}: half a surrogate pair in ${JSON.stringify(message)}`);
    }
    if (isRange(value)) {
      for (const p of [value.start, value.end]) {
        const offset = doc.offsetAt(p);
        assert.deepEqual(doc.positionAt(offset), { line: p.line, character: p.character }, `${what}: ${JSON.stringify(value)} leaves the document`);
        assert.ok(!(offset > 0 && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))), `${what}: ${JSON.stringify(value)} splits a pair`);
      }
    }
    for (const child of Object.values(value)) stack.push(child);
  }
}

function randomPosition(random: Random, doc: TextDocument): Position {
  // Now and then past the end, as a client with a stale view may send.
  if (random.chance(0.05)) return { line: doc.lineCount + random.int(3), character: random.int(200) };
  return doc.positionAt(random.int(doc.getText().length + 1));
}

/** Every feature at a few positions; returns the answers for `checkAnswers`. */
async function everyFeature(service: LanguageService, random: Random, doc: TextDocument): Promise<unknown[]> {
  const uri = doc.uri;
  const answers: unknown[] = [];
  const diagnostics = await service.diagnostics(uri);
  answers.push(diagnostics, service.symbols(uri), service.codeLenses(uri));
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
  answers.push(service.codeActions(uri, whole, diagnostics));
  for (let i = 0; i < 3; i++) {
    const position = randomPosition(random, doc);
    const completion = await service.completion(uri, position, { snippets: random.chance(0.5) });
    for (const item of completion.items) assert.notEqual(item.label, '', 'an empty completion label');
    answers.push(completion, await service.hover(uri, position), service.definition(uri, position), await service.references(uri, position));
    answers.push(await service.previews.formModel({ uri, position: { line: Math.min(position.line, 1_000_000), character: position.character } }));
  }
  const at = doc.positionAt(random.int(doc.getText().length + 1));
  answers.push(await service.previews.sendFormEdit(uri, at, { message: 'hi "there" \\ 😀', 'to-phone-number': '1', Subject: 'Call' }));
  return answers;
}

/**
 * A few edits as an editor sends them (a range of the text before each), applied to the open
 * document in place as the server's document manager does, each checked against the same text
 * closed and opened fresh; the fresh document is the one edited next, and is returned.
 */
async function editedEqualsFresh(service: LanguageService, random: Random, doc: TextDocument): Promise<TextDocument> {
  let edited = doc;
  for (let step = 0; step < 1 + random.int(4); step++) {
    const text = edited.getText();
    const changed = mutate(random, text);
    // The change as one range edit: the common prefix and suffix stay.
    let start = 0;
    while (start < text.length && start < changed.length && text[start] === changed[start]) start++;
    let end = text.length;
    let newEnd = changed.length;
    while (end > start && newEnd > start && text[end - 1] === changed[newEnd - 1]) {
      end--;
      newEnd--;
    }
    TextDocument.update(edited, [{ range: { start: edited.positionAt(start), end: edited.positionAt(end) }, text: changed.slice(start, newEnd) }], edited.version + 1);
    service.documentChanged(edited);
    const incremental = await service.diagnostics(edited.uri);
    await service.documentClosed(edited.uri);
    edited = TextDocument.create(edited.uri, edited.languageId, 1, edited.getText());
    service.documentChanged(edited);
    assert.deepEqual(incremental, await service.diagnostics(edited.uri), `step ${step}: edited and fresh differ`);
  }
  return edited;
}

async function fuzzOne(service: LanguageService, random: Random, input: FuzzDocument, n: number): Promise<void> {
  const doc = TextDocument.create(`file:///fuzz/doc${n % 16}${extension[input.kind]}`, languageOf[input.kind], 1, input.text);
  service.documentChanged(doc);
  const answers = await everyFeature(service, random, doc);
  checkAnswers(doc, answers, `${input.kind} #${n}`);
  const leaked = JSON.stringify(answers).indexOf(plantedSecret);
  assert.ok(leaked < 0, `the planted credential repeated: ${JSON.stringify(answers).slice(Math.max(0, leaked - 300), leaked + 100)}`);
  const last = input.kind === 'flow' || random.chance(0.3) ? await editedEqualsFresh(service, random, doc) : doc;
  // Definitions stay open now and then, so that later documents meet duplicates and overrides.
  if (input.kind !== 'definition' || random.chance(0.7)) await service.documentClosed(last.uri);
}

describe('fuzz: generated documents through every feature', () => {
  it(`${documents} documents from seed ${seed}: no exception, every range inside, edits equal a fresh open`, async () => {
    const random = seededRandom(seed);
    const service = openDocumentsService();
    for (let n = 0; n < documents; n++) {
      const input = fuzzDocument(random);
      if (input.kind !== 'definition' && random.chance(0.5)) input.text = plantSecret(random, input.kind, input.text);
      try {
        await fuzzOne(service, random, input, n);
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        assert.fail(`document ${n} of seed ${seed} (${input.kind}, ${JSON.stringify(input.text.slice(0, 2000))}):\n${detail}`);
      }
    }
  });
});
