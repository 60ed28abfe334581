// W6-rename: the W6 workspace on disk (1,000 definitions, 5,000 flows), each flow sending the
// target message at least once, and a rename of that message from its definition: one
// WorkspaceEdit over the definition and every flow, through the server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { languageIds } from '../../server/src/service/documentKind';
import { BenchConfig } from '../config';
import { writeWorkspace } from '../generators';
import { fileUri, LspSession } from '../lspSession';
import { measure } from '../measure';
import { row, WorkloadResult } from '../results';
import { serverPath } from './serverPaths';

function editCount(edit: WorkspaceEdit | null): { files: number; edits: number } {
  const changes = Object.values(edit?.changes ?? {});
  return { files: changes.length, edits: changes.reduce((n, e) => n + e.length, 0) };
}

export async function runW6Rename(config: BenchConfig): Promise<WorkloadResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-bench-rename-'));
  try {
    const ws = writeWorkspace(root, { definitions: config.wsDefinitions, flows: config.wsFlows, seed: config.seed });
    // Every flow uses the message: the rename edits all of them.
    const use = `\n(send ${ws.target.type} ${ws.target.message} {})\n`;
    for (const file of ws.flowFiles) fs.appendFileSync(file, use);
    const expectedEdits = ws.expectedReferences + ws.flowFiles.length + 1;
    const targetDoc = TextDocument.create(fileUri(ws.target.file), languageIds.definition, 1, fs.readFileSync(ws.target.file, 'utf8'));
    const position = targetDoc.positionAt(ws.target.offset);
    const session = await LspSession.start({ serverPath: serverPath(), folder: root });
    try {
      await session.open(targetDoc.uri, languageIds.definition, targetDoc.getText());
      // The pull is answered once the first scan has read the workspace.
      await session.diagnostics(targetDoc.uri);
      const firstStart = performance.now();
      let counted = editCount(await session.rename(targetDoc.uri, position, 'renamed-message'));
      const first = performance.now() - firstStart;
      const renames = await measure({ warmup: 0, runs: Math.max(2, Math.min(5, config.runs)) }, async () => {
        counted = editCount(await session.rename(targetDoc.uri, position, 'renamed-message'));
      });
      return {
        id: 'W6-rename',
        title: 'rename across the workspace',
        input: { 'definition files': ws.definitionFiles.length, 'flow files using the message': ws.flowFiles.length, 'bytes on disk': ws.bytes },
        rows: [row(`ours: rename ${ws.target.type} ${ws.target.message} (files cached)`, 'ours', renames)],
        figures: {
          'rename, first call (reads every flow from disk) ms': first.toFixed(0),
          'files / edits in the answer': `${counted.files} / ${counted.edits}`,
          'edits expected': expectedEdits,
        },
        targets: [
          { target: 'rename of a message used in 5,000 flow files under 2 s (first call)', measured: `${(first / 1000).toFixed(2)} s`, met: first < 2000 },
          { target: 'rename under 2 s (files cached)', measured: `${(renames.median / 1000).toFixed(2)} s`, met: renames.median < 2000 },
          { target: 'every use renamed', measured: `${counted.edits} of ${expectedEdits}`, met: counted.edits === expectedEdits },
        ],
      };
    } finally {
      await session.stop();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
