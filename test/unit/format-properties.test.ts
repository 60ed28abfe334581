// What formatting promises for any input: every token and comment kept, the same result when run
// again, a result that depends on the tokens and line breaks alone (not on the indentation it
// was given), and no exception, over every test and example file, generated flows and broken
// variants of them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateFlowFile } from '../../bench/generators';
import { seededRandom, Random } from '../support/random';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { inStringAt } from '../../server/src/service/flow/syntax/tree';
import { repoRoot } from '../support/lspClient';
import { FileKind, filesUnder, format, formatted, keptTokens, kindOfFile } from '../support/formatting';

const files = [...filesUnder(path.join(repoRoot, 'examples')), ...filesUnder(path.join(repoRoot, 'test'))];

function assertFormatsSafely(text: string, kind: FileKind, label: string): string {
  const once = format(text, kind);
  assert.deepEqual(keptTokens(once, kind), keptTokens(text, kind), `${label}: tokens kept`);
  assert.equal(format(once, kind), once, `${label}: idempotent`);
  return once;
}

/** The text with the layout at the start and end of its lines changed at random (lines that start inside a string apart). */
function jiggled(text: string, random: Random): string {
  const tree = readFlow(text);
  const lines = text.split('\n');
  let offset = 0;
  return lines
    .map((line) => {
      const start = offset;
      offset += line.length + 1;
      if (start > 0 && inStringAt(tree, start)) return line;
      const body = line.replace(/^[ \t]+/, '');
      const indent = random.chance(0.3) ? '' : ' '.repeat(random.int(12));
      const trailing = random.chance(0.2) ? '  ' : '';
      return indent + body + (inStringAt(tree, start + line.length) ? '' : trailing);
    })
    .join('\n');
}

/** The text with a few brackets, quotes and line breaks inserted or removed at random. */
function broken(text: string, random: Random): string {
  const pieces = ['(', ')', '[', ']', '{', '}', '"', ';', '\n', '#_', '#{', '#inst ', ' ', ','];
  let out = text;
  for (let n = 1 + random.int(4); n > 0; n--) {
    const at = random.int(out.length + 1);
    out = random.chance(0.3) ? out.slice(0, at) + out.slice(at + 1 + random.int(3)) : out.slice(0, at) + random.pick(pieces) + out.slice(at);
  }
  return out;
}

describe('formatting properties', () => {
  it('finds the test and example files of every kind', () => {
    const kinds = new Set(files.map((f) => kindOfFile(f)));
    assert.deepEqual(kinds, new Set(['flow', 'pattern', 'definition']));
    assert.ok(files.length >= 15, `${files.length} files`);
  });

  for (const file of files) {
    const name = path.relative(repoRoot, file);
    it(`keeps every token and comment of ${name}, and is idempotent`, () => {
      const kind = kindOfFile(file) as FileKind;
      assertFormatsSafely(fs.readFileSync(file, 'utf8'), kind, name);
    });
  }

  it('gives a flow the same layout whatever indentation and trailing spaces it was written with', () => {
    const random = seededRandom(11);
    const flows = files.filter((f) => kindOfFile(f) === 'flow').map((f) => fs.readFileSync(f, 'utf8'));
    flows.push(generateFlowFile({ sends: 60, bytes: 20_000, seed: 3 }).text);
    let compared = 0;
    for (const text of flows) {
      // With reader errors, the recovering read depends on where lines start: only clean code here.
      if (readFlow(text).errors.length > 0) continue;
      const expected = format(text, 'flow');
      for (let round = 0; round < 5; round++) assert.equal(format(jiggled(text, random), 'flow'), expected);
      compared++;
    }
    assert.ok(compared >= 5, `${compared} flows compared`);
  });

  it('keeps every token of broken variants of the flows and payloads, and is idempotent on them', () => {
    const random = seededRandom(23);
    const sources = files.filter((f) => kindOfFile(f) !== 'definition');
    for (let round = 0; round < 300; round++) {
      const file = random.pick(sources);
      const kind = kindOfFile(file) as FileKind;
      const text = broken(fs.readFileSync(file, 'utf8'), random);
      assertFormatsSafely(text, kind, `round ${round} on ${path.basename(file)}`);
    }
  });

  it('formats a generated 4.1 flow of many patterns, keeping its tokens', () => {
    const text = generateFlowFile({ sends: 300, bytes: 100_000, seed: 9, mistakes: 0.1 }).text;
    assertFormatsSafely(text, 'flow', 'generated flow');
  });
});

describe('formatting bad input', () => {
  it('formats a form nested 1,000 deep without recursion, and leaves one nested 10,000 deep as written, saying why', () => {
    const nested = (depth: number) => `${'(seq\n'.repeat(depth)}(delay 5 minutes)${')'.repeat(depth)}\n(seq\n(delay 1 hours))\n`;
    // 999 seqs and the delay in the innermost: 1,000 levels.
    const once = assertFormatsSafely(nested(999), 'flow', '1,000 deep');
    assert.equal(once.split('\n')[998], `${' '.repeat(2 * 998)}(seq`);
    assert.equal(once.split('\n')[999], `${' '.repeat(2 * 999)}(delay 5 minutes)${')'.repeat(999)}`);
    const deep = nested(10_000);
    const { text, result } = formatted(deep, 'flow');
    assert.equal(text, deep.replace('(seq\n(delay 1 hours))', '(seq\n  (delay 1 hours))'));
    assert.equal(result.note, '1 top-level form nested more than 1000 levels deep was left as written');
  });

  it('leaves a form nested 10,000 deep and never closed as written', () => {
    const deep = `(seq\n${'  (seq\n'.repeat(10_000)}`;
    assert.equal(format(deep, 'flow'), deep);
  });

  it('leaves JSON nested 10,000 deep as written, saying why, and code nested so in a payload too', () => {
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const { text, result } = formatted(deep, 'definition');
    assert.equal(text, deep);
    assert.equal(result.note, 'The file was left as written: its JSON nests more than 256 levels deep');
    assertFormatsSafely(`{"code": "${'('.repeat(10_000)}"}`, 'pattern', 'deep code');
  });

  it('leaves unterminated strings, stray closers and unread # forms where they are', () => {
    for (const text of ['"never closed', ')))', '(send echo message {:message #(x)})', '#_', '#inst', '{:a}', '(a))(b', '\u0000(a)']) {
      assertFormatsSafely(text, 'flow', JSON.stringify(text));
    }
  });
});
