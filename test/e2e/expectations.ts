// What the fixture workspace (test/fixtures/e2e-workspace) deserves, shared by every editor
// the end-to-end tier drives: diagnostics as `line:code` with 0-based lines, sorted.
export const fixtureFiles = {
  definition: 'acme-sms.integration.json',
  flow: 'alerts.cxflow',
  pattern: 'escalation.pattern.json',
  /** A clean flow whose sends nest (a send in the success branch of an await). */
  nested: 'callbacks.cxflow',
} as const;

export const expectedDiagnostics = {
  definition: ['12:param-without-form', '12:unredacted-secret', '13:unknown-param', '5:secret-not-masked'],
  flow: [
    '10:missing-mandatory-field',
    '10:unknown-field',
    '11:secret-inline',
    '12:unknown-unit',
    '13:unknown-form',
    '14:unknown-message',
    '15:response-outside-success',
    '8:invalid-enum-value',
    '9:unknown-field',
  ],
  pattern: ['5:invalid-enum-value'],
} as const;

/** The codes of a `line:code` list, without repeats. */
export function codesOf(keys: readonly string[]): string[] {
  return [...new Set(keys.map((k) => k.slice(k.indexOf(':') + 1)))];
}
