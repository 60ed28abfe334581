// JUnit XML for `cxengage-lint test --format junit`: the report CI systems show as test results.
export interface JunitCase {
  /** The test file, relative to the current folder. */
  file: string;
  name: string;
  failures: string[];
  /** Trace text, kept with a failure so CI shows what happened. */
  output?: string;
}

/** XML 1.0 allows no control characters but tab, line feed and carriage return. */
function withoutControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) out += ch;
  }
  return out;
}

function xml(text: string): string {
  return withoutControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function formatJunit(cases: JunitCase[]): string {
  const failed = cases.filter((c) => c.failures.length > 0).length;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="cxengage-lint test" tests="${cases.length}" failures="${failed}">`];
  const files = [...new Set(cases.map((c) => c.file))];
  for (const file of files) {
    const mine = cases.filter((c) => c.file === file);
    lines.push(`  <testsuite name="${xml(file)}" tests="${mine.length}" failures="${mine.filter((c) => c.failures.length > 0).length}">`);
    for (const c of mine) {
      if (c.failures.length === 0) {
        lines.push(`    <testcase classname="${xml(file)}" name="${xml(c.name)}"/>`);
        continue;
      }
      lines.push(`    <testcase classname="${xml(file)}" name="${xml(c.name)}">`);
      lines.push(`      <failure message="${xml(c.failures[0])}">${xml(c.failures.join('\n'))}</failure>`);
      if (c.output !== undefined) lines.push(`      <system-out>${xml(c.output)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}
