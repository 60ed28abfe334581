// The benchmark's inputs: the same bytes for the same seed, and the sizes and counts they claim.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFlow } from '../support/service';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEDNString } from 'edn-data';
import { generateDefinitionFile, generateFlowFile, generateFlowFile42, generatePatternFile, writeWorkspace } from '../../bench/generators';
import { checkFlowDocument } from '../../server/src/service/flow';
import { regionDialect } from '../../server/src/service/flow/analysis/dialect';
import { documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { featureOffsets } from '../../bench/workloads/w5Features';
import { typingOffsets } from '../../bench/workloads/w4Typing';
import { ednDocument } from '../../bench/workloads/w2Flow';

const sendsIn = (code: string) => (code.match(/\((send|await) /g) ?? []).length;
const within = (actual: number, target: number, tolerance: number) => Math.abs(actual - target) <= target * tolerance;

describe('benchmark generators', () => {
  it('flow file: deterministic, exactly the sends asked for, about the size asked for, and readable EDN', () => {
    const options = { sends: 600, bytes: 128 * 1024, seed: 7 };
    const a = generateFlowFile(options);
    assert.equal(a.text, generateFlowFile(options).text);
    assert.notEqual(a.text, generateFlowFile({ ...options, seed: 8 }).text);
    assert.equal(a.sends, 600);
    assert.equal(sendsIn(a.text), 600);
    assert.ok(within(a.text.length, options.bytes, 0.05), `${a.text.length} bytes`);
    assert.equal((a.text.match(/^\{:name "Pattern \d+"$/gm) ?? []).length, a.patterns);
    // The EDN peer reads every pattern of the text (as one vector), and the JSON floor is a document of the same size.
    assert.equal((parseEDNString(ednDocument(a.text)) as unknown[]).length, a.patterns);
    assert.ok(Array.isArray(JSON.parse(a.json)));
    assert.ok(within(a.json.length, a.text.length, 0.05), `JSON ${a.json.length} bytes`);
  });

  it('4.2 program: deterministic, exactly the interactions asked for, about the size asked for, 4.2 with only its planted mistakes', () => {
    const options = { sends: 600, bytes: 128 * 1024, seed: 7 };
    const a = generateFlowFile42(options);
    assert.equal(a.text, generateFlowFile42(options).text);
    assert.equal(a.sends, 600);
    assert.equal((a.text.match(/\((fetch|perform|create|update|delete) /g) ?? []).length, 600);
    assert.ok(within(a.text.length, options.bytes, 0.05), `${a.text.length} bytes`);
    assert.equal((a.text.match(/^;; Block \d+$/gm) ?? []).length, a.patterns);
    assert.ok(Array.isArray(parseEDNString(ednDocument(a.text))));
    assert.ok(within(a.json.length, a.text.length, 0.05), `JSON ${a.json.length} bytes`);
    const doc = documentOf(a.text, 'flow');
    assert.equal(regionDialect(readFlow(doc).regions[0], 'auto').version, '4.2');
    // A mistake is a dropped mandatory field, a typo in a field name or a value outside an enum.
    const codes = new Set(checkFlowDocument(readFlow(doc), builtinContext()).map((d) => String(d.code)));
    assert.ok([...codes].every((c) => ['missing-mandatory-field', 'unknown-field', 'invalid-enum-value'].includes(c)), [...codes].join(', '));
    assert.ok(a.mistakes > 0);
  });

  it('definition file: deterministic, the messages and fields asked for, about the size asked for', () => {
    const options = { messages: 120, fields: 10, bytes: 128 * 1024, seed: 3 };
    const a = generateDefinitionFile(options);
    assert.equal(a.text, generateDefinitionFile(options).text);
    const json = JSON.parse(a.text) as { endpoint: { sends: Record<string, Record<string, unknown>> } };
    const messages = Object.values(json.endpoint.sends);
    assert.equal(messages.length, 120);
    assert.ok(messages.every((m) => Object.keys(m).length === 10));
    assert.ok(within(a.text.length, options.bytes, 0.05), `${a.text.length} bytes`);
  });

  it('pattern file: deterministic, the patterns asked for, flow code in when/then strings', () => {
    const a = generatePatternFile({ patterns: 150, seed: 5 });
    assert.equal(a.text, generatePatternFile({ patterns: 150, seed: 5 }).text);
    const patterns = JSON.parse(a.text) as { name: string; when: string; then: string }[];
    assert.equal(patterns.length, 150);
    assert.equal(patterns.reduce((n, p) => n + sendsIn(p.then), 0), a.sends);
    assert.ok(patterns.every((p) => p.when.startsWith('(event ') && p.then.startsWith('(seq ')));
  });

  it('workspace: the definition and flow files asked for, and the references it expects are there', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generators-'));
    try {
      const ws = writeWorkspace(root, { definitions: 30, flows: 120, seed: 11 });
      assert.equal(ws.definitionFiles.length, 30);
      assert.equal(ws.flowFiles.length, 120);
      assert.ok(ws.definitionFiles.every((f) => f.endsWith('.integration.json') && fs.existsSync(f)));
      assert.ok(ws.flowFiles.every((f) => f.endsWith('.cxflow') && fs.existsSync(f)));
      const uses = ws.flowFiles.reduce((n, f) => n + (fs.readFileSync(f, 'utf8').match(/\(send gen-0000 m0 /g) ?? []).length, 0);
      assert.equal(ws.expectedReferences, uses);
      assert.ok(uses > 0);
      const target = fs.readFileSync(ws.target.file, 'utf8');
      assert.equal(target.slice(ws.target.offset - 1, ws.target.offset + 3), '"m0"');

      const again = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generators-'));
      try {
        writeWorkspace(again, { definitions: 30, flows: 120, seed: 11 });
        for (const f of [...ws.definitionFiles, ...ws.flowFiles]) {
          assert.equal(fs.readFileSync(path.join(again, path.relative(root, f)), 'utf8'), fs.readFileSync(f, 'utf8'));
        }
      } finally {
        fs.rmSync(again, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('typing and feature positions: as many as asked, inside the text, deterministic', () => {
    const { text } = generateFlowFile({ sends: 200, bytes: 40 * 1024, seed: 2 });
    const typing = typingOffsets(text, 50);
    assert.equal(typing.length, 50);
    assert.ok(typing.every((o) => text[o - 1] === '"'));
    const features = featureOffsets(text, 100);
    assert.equal(features.length, 100);
    assert.ok(features.every((o) => o > 0 && o < text.length));
    assert.deepEqual(featureOffsets(text, 100), features);
  });
});
