// Writes the keys of the `cxengage.diagnostics.severity` setting in package.json from the codes of
// server/src/service/codes.ts (compiled: run `npm run compile-tests` first), so the Settings UI
// lists every code with its summary. test/unit/manifest.test.ts fails until this has been run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { defaultSeverity, codeSummaries } = createRequire(import.meta.url)(path.join(root, 'out', 'server', 'src', 'service', 'codes.js'));

const levels = ['error', 'warning', 'information', 'hint', 'off'];
const levelDescriptions = [
  'Shown as an error.',
  'Shown as a warning.',
  'Shown as information.',
  'Shown as a hint (faded, not listed in the Problems panel).',
  'Not reported.',
];

const manifestPath = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const setting = manifest.contributes.configuration
  .map((section) => section.properties['cxengage.diagnostics.severity'])
  .find((s) => s !== undefined);
if (setting === undefined) throw new Error('package.json has no cxengage.diagnostics.severity setting');
const codes = Object.keys(defaultSeverity);
setting.propertyNames = { ...setting.propertyNames, enum: codes };
setting.properties = Object.fromEntries(
  codes.map((code) => [
    code,
    { type: 'string', enum: levels, enumDescriptions: levelDescriptions, description: `${codeSummaries[code]} Default: ${defaultSeverity[code]}.` },
  ]),
);
setting.additionalProperties = false;
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json: cxengage.diagnostics.severity lists ${codes.length} codes`);
