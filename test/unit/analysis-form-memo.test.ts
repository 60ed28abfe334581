// The per-form memo of the analyser's findings: a form kept from one check to the next is analysed
// again when the built-in setting, the dialect or the definitions changed, and its findings are the
// same as a fresh analysis's otherwise; forms too short to remember are analysed every time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../../server/src/service/analysisContext';
import { FormAnalyses } from '../../server/src/service/flow/analysis/formProblems';
import { DialectVersion } from '../../server/src/service/flow/analysis/grammar/signature';
import { FlowRegion } from '../../server/src/service/flow/embedding/region';
import { documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

/** A `.cxflow` text's region (its code offsets are the text's). */
function regionOf(text: string): { text: string; region: FlowRegion } {
  return { text, region: readFlow(documentOf(text, 'flow')).regions[0] };
}

/** Each form's problems as `code text`, through the memo. */
function check(analyses: FormAnalyses, { text, region }: { text: string; region: FlowRegion }, ctx: AnalysisContext, dialect: DialectVersion): string[][] {
  const forms: string[][] = [];
  analyses.startCheck();
  analyses.forEachForm(region, ctx, dialect, (_form, problems) => forms.push(problems.map((p) => `${p.code} ${text.slice(p.start, p.end)}`)));
  return forms;
}

/** The same context without the built-in definitions (and the same generation). */
function withoutBuiltins(ctx: AnalysisContext): AnalysisContext {
  return { ...ctx, lookup: () => undefined, visible: () => [], settings: { ...ctx.settings, definitions: { ...ctx.settings.definitions, builtin: false } } };
}

const send = '(send twilio sms {:to-phone-number "+1" :from-phone-number "+2" :message "a long message"})';

describe('the per-form memo', () => {
  it('analyses a kept form again when the built-in setting changes', () => {
    const region = regionOf(`;; Then\n${send}`);
    const analyses = new FormAnalyses();
    const ctx = builtinContext();
    assert.deepEqual(check(analyses, region, ctx, '4.1'), [[]]);
    assert.deepEqual(check(analyses, region, withoutBuiltins(ctx), '4.1'), [['unknown-integration twilio']]);
    assert.deepEqual(check(analyses, region, ctx, '4.1'), [[]]);
  });

  it('analyses a kept form again in the other dialect', () => {
    const region = regionOf(send);
    const analyses = new FormAnalyses();
    const ctx = builtinContext();
    assert.deepEqual(check(analyses, region, ctx, '4.1'), [[]]);
    assert.deepEqual(check(analyses, region, ctx, '4.2'), [['wrong-dialect send']]);
    assert.deepEqual(check(analyses, region, ctx, '4.1'), [[]]);
  });

  it('analyses a kept form again when the definitions changed, and short forms every time', () => {
    const region = regionOf(`;; Then\n${send}\n(send nope x {})`);
    const analyses = new FormAnalyses();
    const ctx = builtinContext();
    const expected = [[], ['unknown-integration nope']];
    assert.deepEqual(check(analyses, region, ctx, '4.1'), expected);
    // The same setting, but the definitions changed (a newer generation): twilio is gone.
    const newer: AnalysisContext = { ...ctx, lookup: () => undefined, visible: () => [], generation: ctx.generation + 1 };
    assert.deepEqual(check(analyses, region, newer, '4.1'), [['unknown-integration twilio'], ['unknown-integration nope']]);
    assert.deepEqual(check(analyses, region, { ...ctx, generation: ctx.generation + 2 }, '4.1'), expected);
  });
});
