// W6's input on disk: `definitions` small workspace definition files and `flows` flow files that
// send through them and the built-ins, and a find-references target with its expected count.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../../test/support/random';
import { builtinCatalogue, generatedIntegration, IntegrationSpec } from './catalogue';
import { printEdn } from './edn';
import { generatePattern } from './flowFile';

export interface WorkspaceOptions {
  definitions: number;
  flows: number;
  seed: number;
}

export interface GeneratedWorkspace {
  root: string;
  definitionFiles: string[];
  flowFiles: string[];
  /** The definition whose message `m0` the references query names, and where its key is. */
  target: { file: string; offset: number; type: string; message: string };
  /** How many sends in the flows use the target's integration and message. */
  expectedReferences: number;
  bytes: number;
}

function definitionText(spec: IntegrationSpec): string {
  const sends: Record<string, Record<string, { type: string; enum?: string[]; description: string }>> = {};
  for (const message of spec.messages) {
    sends[message.name] = {};
    for (const field of message.fields) {
      sends[message.name][field.name] = { type: field.mandatory ? 'mandatory' : 'optional', ...(field.enum ? { enum: field.enum } : {}), description: `Field ${field.name} of ${message.name}` };
    }
  }
  const definition = {
    type: spec.type,
    display: `Generated ${spec.type}`,
    schema: [{ label: 'Token', param: 'token', type: 'password' }],
    endpoint: { name: spec.type, type: spec.type, display: `${spec.type} endpoint`, params: ['token'], 'static-params': ['token'], redact: ['token'], sends },
  };
  return `${JSON.stringify(definition, null, 2)}\n`;
}

/** Writes the workspace under `root` (which must be empty or absent) and describes it. */
export function writeWorkspace(root: string, options: WorkspaceOptions): GeneratedWorkspace {
  const random = seededRandom(options.seed);
  const definitionFiles: string[] = [];
  const flowFiles: string[] = [];
  let bytes = 0;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  };

  const specs = Array.from({ length: options.definitions }, (_, i) => generatedIntegration(i));
  specs.forEach((spec, i) => {
    const file = path.join(root, 'definitions', `group-${String(Math.floor(i / 100)).padStart(2, '0')}`, `${spec.type}.integration.json`);
    write(file, definitionText(spec));
    definitionFiles.push(file);
  });

  // Every tenth send goes to the first generated integration, so that references have work to find.
  const targetSpec = specs[0] ?? generatedIntegration(0);
  const hot = [targetSpec];
  let expectedReferences = 0;
  for (let i = 0; i < options.flows; i++) {
    const parts: string[] = [];
    for (let p = 0, count = 1 + random.int(2); p < count; p++) {
      const roll = random.next();
      const catalogue = roll < 0.1 ? hot : roll < 0.6 && specs.length > 0 ? [random.pick(specs)] : builtinCatalogue;
      const pattern = generatePattern(random, i * 10 + p, 4, catalogue, 0.02);
      const text = printEdn(pattern.form);
      expectedReferences += (text.match(/\(send gen-0000 m0 /g) ?? []).length;
      parts.push(text);
    }
    const file = path.join(root, 'flows', `group-${String(Math.floor(i / 250)).padStart(2, '0')}`, `flow-${String(i).padStart(5, '0')}.cxflow`);
    write(file, `;; Generated flow ${i}\n${parts.join('\n\n')}\n`);
    flowFiles.push(file);
  }

  const targetFile = definitionFiles[0] ?? '';
  const targetText = targetFile ? fs.readFileSync(targetFile, 'utf8') : '';
  const offset = targetText.indexOf('"m0"') + 1;
  return { root, definitionFiles, flowFiles, target: { file: targetFile, offset, type: targetSpec.type, message: 'm0' }, expectedReferences, bytes };
}
