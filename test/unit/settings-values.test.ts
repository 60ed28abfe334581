// Settings whose values are null (a client clearing a setting) read as not given, with no warning;
// every valid value of an enumerated setting kept without one; dotted keys nested only by a
// leading `cxengage.`, over a null that stands in the way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, expandDotted, normaliseSettings, Settings, SettingsWarning } from '../../server/src/service/settings';

function read(raw: unknown): { settings: Settings; warnings: SettingsWarning[] } {
  const warnings: SettingsWarning[] = [];
  return { settings: normaliseSettings(raw, warnings), warnings };
}

describe('settings values', () => {
  it('takes a null value as not given, without a warning', () => {
    const raw = {
      definitions: { include: null, exclude: null, builtin: null },
      diagnostics: { severity: null, maxPerFile: null },
      maxFileSize: null,
      flow: { dialect: null },
      format: { jsonKeySpacing: null, jsonKeepLines: null },
      inlayHints: { missingFields: null, integrationNames: null },
    };
    assert.deepEqual(read(raw), { settings: defaultSettings, warnings: [] });
  });

  it('keeps each value of an enumerated setting without a warning', () => {
    for (const keySpacing of ['compact', 'spaced'] as const) {
      assert.deepEqual(read({ format: { jsonKeySpacing: keySpacing } }), { settings: { ...defaultSettings, format: { keySpacing, keepLines: false } }, warnings: [] });
    }
    for (const dialect of ['auto', '4.1', '4.2'] as const) {
      assert.deepEqual(read({ flow: { dialect } }), { settings: { ...defaultSettings, flow: { dialect } }, warnings: [] });
    }
  });

  it('strips `cxengage.` from the start of a dotted key only, and nests over a null', () => {
    assert.deepEqual(expandDotted({ 'flow.cxengage.dialect': '4.2' }), { flow: { cxengage: { dialect: '4.2' } } });
    assert.deepEqual(expandDotted({ flow: null, 'flow.dialect': '4.2' }), { flow: { dialect: '4.2' } });
  });
});
