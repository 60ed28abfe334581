// `cxengage-lint --fix`: applies the safe fixes (the editor's Fix All) to the files on disk before
// they are checked. Definitions first, read again into the index, so that flows are fixed against
// the corrected definitions; each file changed is named with the fixes applied to it.
import * as fs from 'node:fs';
import { URI } from 'vscode-uri';
import { fixAllText } from '../service/actions/fixAll';
import { LanguageService } from '../service/languageService';

export interface FixedFile {
  shown: string;
  applied: string[];
}

export async function fixFiles(service: LanguageService, files: readonly { uri: string; shown: string }[], fail: (message: string) => void): Promise<FixedFile[]> {
  const fixed: FixedFile[] = [];
  for (const role of ['definition', 'flow'] as const) {
    const written: string[] = [];
    for (const { uri, shown } of files) {
      const source = await service.workspace.read(uri);
      // Unreadable: the check that follows says so.
      if (source === undefined || (source.kind === 'definition') !== (role === 'definition')) continue;
      const result = await fixAllText(service, source);
      if (result.applied.length === 0 || result.text === source.document.getText()) continue;
      try {
        // A byte order mark is the file's encoding, not its text: written back as it was.
        fs.writeFileSync(URI.parse(uri).fsPath, (source.bom ? '\ufeff' : '') + result.text);
      } catch (error) {
        fail(`cannot write ${shown}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      written.push(uri);
      fixed.push({ shown, applied: result.applied });
    }
    await service.filesChanged(written.map((uri) => ({ uri, change: 'changed' as const })));
  }
  return fixed;
}

/** What `--fix` reports: one line per file changed, then how many. */
export function describeFixes(fixed: readonly FixedFile[]): string[] {
  const lines = fixed.map((f) => `${f.shown}: fixed ${f.applied.length} problem${f.applied.length === 1 ? '' : 's'}: ${f.applied.join('; ')}`);
  const total = fixed.reduce((n, f) => n + f.applied.length, 0);
  lines.push(`--fix: ${total} problem${total === 1 ? '' : 's'} fixed in ${fixed.length} file${fixed.length === 1 ? '' : 's'}`);
  return lines;
}
