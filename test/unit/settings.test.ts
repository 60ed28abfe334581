// The `cxengage.*` settings from untrusted input: every valid part kept, every invalid one
// reported with its exact message and replaced by its default, and the shapes clients send them in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cxengageSection, defaultSettings, expandDotted, normaliseSettings, Settings, SettingsWarning } from '../../server/src/service/settings';

function read(raw: unknown): { settings: Settings; warnings: SettingsWarning[] } {
  const warnings: SettingsWarning[] = [];
  return { settings: normaliseSettings(raw, warnings), warnings };
}

describe('settings from a client', () => {
  it('are the defaults when nothing, or nothing usable, is given', () => {
    for (const raw of [undefined, null, 5, 'x', {}, { definitions: null, diagnostics: null, flow: null, format: null, inlayHints: null }]) {
      assert.deepEqual(read(raw), { settings: defaultSettings, warnings: [] }, JSON.stringify(raw));
    }
    assert.deepEqual(defaultSettings, {
      definitions: { include: ['**/*.integration.json'], exclude: ['**/node_modules/**', '**/.git/**'], builtin: true },
      severity: {},
      maxDiagnosticsPerFile: 1000,
      maxFileSize: 5 * 1024 * 1024,
      format: { keySpacing: 'compact', keepLines: false },
      flow: { dialect: 'auto' },
      inlayHints: { missingFields: true, integrationNames: false },
    });
  });

  it('keeps every valid value', () => {
    const raw = {
      definitions: { include: ['defs/**/*.json'], exclude: [], builtin: false },
      diagnostics: { severity: { 'unknown-field': 'error', 'invalid-enum-value': 'off', 'missing-mandatory-field': 'hint', 'unknown-unit': 'information' }, maxPerFile: 1 },
      maxFileSize: 0,
      flow: { dialect: '4.1' },
      format: { jsonKeySpacing: 'spaced', jsonKeepLines: true },
      inlayHints: { missingFields: false, integrationNames: true },
    };
    const { settings, warnings } = read(raw);
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings, {
      definitions: { include: ['defs/**/*.json'], exclude: [], builtin: false },
      severity: { 'unknown-field': 'error', 'invalid-enum-value': 'off', 'missing-mandatory-field': 'hint', 'unknown-unit': 'information' },
      maxDiagnosticsPerFile: 1,
      maxFileSize: 0,
      format: { keySpacing: 'spaced', keepLines: true },
      flow: { dialect: '4.1' },
      inlayHints: { missingFields: false, integrationNames: true },
    });
    assert.equal(read({ flow: { dialect: '4.2' } }).settings.flow.dialect, '4.2');
    assert.equal(read({ flow: { dialect: 'auto' } }).settings.flow.dialect, 'auto');
    assert.equal(read({ format: { jsonKeySpacing: 'compact' } }).settings.format.keySpacing, 'compact');
    assert.equal(read({ diagnostics: { severity: { 'unknown-field': 'warning' } } }).settings.severity['unknown-field'], 'warning');
    assert.equal(read({ maxFileSize: 1024.5 }).settings.maxFileSize, 1024.5);
  });

  it('reports each invalid value with its own message and uses the default for it', () => {
    const raw = {
      definitions: { include: 'defs/*.json', exclude: [1], builtin: 'yes' },
      diagnostics: { severity: { 'no-such-code': 'error', 'unknown-field': 'loud', 'missing-mandatory-field': 3 }, maxPerFile: 2.5 },
      maxFileSize: -1,
      flow: { dialect: '4.3' },
      format: { jsonKeySpacing: 'wide', jsonKeepLines: 'yes' },
      inlayHints: { missingFields: 'no', integrationNames: 1 },
    };
    const { settings, warnings } = read(raw);
    assert.deepEqual(settings, defaultSettings);
    assert.deepEqual(warnings, [
      'cxengage.diagnostics.severity: unknown diagnostic code "no-such-code" is ignored',
      'cxengage.diagnostics.severity: "loud" for "unknown-field" is not one of error, warning, information, hint, off',
      'cxengage.diagnostics.severity: "3" for "missing-mandatory-field" is not one of error, warning, information, hint, off',
      'cxengage.maxFileSize must be a non-negative number of bytes; using the default',
      'cxengage.flow.dialect must be one of auto, 4.1, 4.2, not "4.3"; using auto',
      'cxengage.diagnostics.maxPerFile must be a whole number of at least 1; using the default',
      'cxengage.format.jsonKeySpacing must be "compact" or "spaced"; using "compact"',
      'cxengage.format.jsonKeepLines must be true or false; using false',
      'cxengage.definitions.include must be a list of glob strings; using the default',
      'cxengage.definitions.exclude must be a list of glob strings; using the default',
      'cxengage.inlayHints.missingFields must be true or false; using true',
      'cxengage.inlayHints.integrationNames must be true or false; using false',
    ]);
  });

  it('refuses a severity map that is not an object, and numbers that are not finite or whole', () => {
    for (const severity of [['error'], 'error', 3])
      assert.deepEqual(read({ diagnostics: { severity } }).warnings, ['cxengage.diagnostics.severity must be an object mapping codes to severities']);
    assert.deepEqual(read({ diagnostics: { severity: null } }).warnings, []);
    for (const maxFileSize of [Infinity, NaN, '100'])
      assert.deepEqual(read({ maxFileSize }).warnings, ['cxengage.maxFileSize must be a non-negative number of bytes; using the default']);
    for (const maxPerFile of [0, -3, '10', 1.5])
      assert.deepEqual(read({ diagnostics: { maxPerFile } }), {
        settings: defaultSettings,
        warnings: ['cxengage.diagnostics.maxPerFile must be a whole number of at least 1; using the default'],
      });
    assert.equal(read({ diagnostics: { maxPerFile: 1 } }).settings.maxDiagnosticsPerFile, 1);
    assert.deepEqual(read({ flow: { dialect: 4.1 } }).warnings, ['cxengage.flow.dialect must be one of auto, 4.1, 4.2, not "4.1"; using auto']);
  });

  it('finds the cxengage section in each shape a client sends', () => {
    const section = { maxFileSize: 10 };
    assert.equal(cxengageSection({ settings: { cxengage: section } }), section);
    assert.equal(cxengageSection({ settings: { settings: { cxengage: section } } }), section);
    assert.equal(cxengageSection({ cxengage: section }), section);
    assert.equal(cxengageSection(section), section);
    assert.equal(cxengageSection({ cxengage: null }), null);
    assert.equal(cxengageSection({ settings: null }), undefined);
    assert.equal(cxengageSection(null), undefined);
    assert.equal(cxengageSection('cxengage'), undefined);
    // Two levels of `settings` at most: a third is the section itself.
    const deep = { settings: { cxengage: 1 } };
    assert.equal(cxengageSection({ settings: { settings: deep } }), deep);
  });

  it('nests flat dotted keys, with or without the cxengage prefix', () => {
    assert.deepEqual(
      expandDotted({
        'cxengage.definitions.include': ['a/**'],
        'definitions.builtin': false,
        'diagnostics.severity': { 'unknown-field': 'off' },
        flow: { dialect: '4.2' },
        maxFileSize: 3,
      }),
      { definitions: { include: ['a/**'], builtin: false }, diagnostics: { severity: { 'unknown-field': 'off' } }, flow: { dialect: '4.2' }, maxFileSize: 3 },
    );
    // Severity keys are codes, never paths; lists and scalars are taken as they are.
    assert.deepEqual(expandDotted({ diagnostics: { severity: { 'a.b': 'error' } } }), { diagnostics: { severity: { 'a.b': 'error' } } });
    assert.deepEqual(expandDotted({ 'format.x': [1, 2] }), { format: { x: [1, 2] } });
    assert.deepEqual(expandDotted({ a: 1, 'a.b': 2 }), { a: { b: 2 } });
    assert.deepEqual(expandDotted({ 'a.b': 1, a: null }), { a: null });
    for (const value of [null, 5, 'x', [1]]) assert.deepEqual(expandDotted(value), value);
  });

  it('expands dotted keys in objects five levels deep, and takes deeper ones as they are', () => {
    assert.deepEqual(expandDotted({ a: { b: { c: { d: { 'e.f': 1 } } } } }), { a: { b: { c: { d: { e: { f: 1 } } } } } });
    const six = { a: { b: { c: { d: { e: { 'f.g': 1 } } } } } };
    assert.deepEqual(expandDotted(six), six);
  });
});
