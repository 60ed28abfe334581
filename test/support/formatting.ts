// Formatting as the tests drive it: a text of a kind formatted whole or in a range, and the
// tokens a formatting must keep (flow tokens of the code, JSON tokens of the rest).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FormattingOptions, Range } from 'vscode-languageserver-types';
import { DocumentKind } from '../../server/src/service/documentKind';
import { readPatternFile } from '../../server/src/service/flow/embedding/patternFile';
import { newLineColumn } from '../../server/src/service/flow/formatting/onType';
import { TokenKind, tokensOf } from '../../server/src/service/flow/formatting/tokens';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { Formatted, formatDocument } from '../../server/src/service/formatting/documentFormatting';
import { JsonLayout } from '../../server/src/service/formatting/jsonFormatting';
import { parsedDocument } from '../../server/src/service/formatting/parsedDocument';
import { documentOf } from './documents';
import { modelOf } from './service';

export type FileKind = Exclude<DocumentKind, 'other'>;

export const editorOptions: FormattingOptions = { tabSize: 2, insertSpaces: true };
export const compactJson: JsonLayout = { keySpacing: 'compact', keepLines: false };

export function formatted(text: string, kind: FileKind, options: { json?: JsonLayout; range?: Range; editor?: FormattingOptions } = {}): { text: string; result: Formatted } {
  const doc = documentOf(text, kind);
  const range = options.range;
  const result = formatDocument(parsedDocument(modelOf(doc)), { options: options.editor ?? editorOptions, json: options.json ?? compactJson, range });
  return { text: TextDocument.applyEdits(doc, result.edits), result };
}

/** The formatted text alone. */
export function format(text: string, kind: FileKind, options: { json?: JsonLayout; range?: Range } = {}): string {
  return formatted(text, kind, options).text;
}

/** The flow tokens of code as written (comments without their trailing spaces), and its reader errors. */
export function flowTokens(code: string): string[] {
  const tree = readFlow(code);
  const list = tokensOf(tree);
  const tokens: string[] = [];
  for (let t = 0; t < list.length; t++) {
    const text = code.slice(list.starts[t], list.ends[t]);
    tokens.push(list.kinds[t] === TokenKind.Comment ? text.trimEnd() : text);
  }
  return [...tokens, ...tree.errors.map((e) => `error: ${e.message}`)];
}

/** JSON tokens (strings, numbers, punctuation), without layout. */
export function jsonTokens(text: string): string[] {
  const scanner = createScanner(text, false);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia) tokens.push(scanner.getTokenValue());
  }
  return tokens;
}

/**
 * What formatting must keep of a file: for a flow, its flow tokens; for a definition, its JSON
 * tokens; for a payload, its JSON tokens with each code string replaced by the code's flow tokens.
 */
export function keptTokens(text: string, kind: FileKind): string[] {
  if (kind === 'flow') return flowTokens(text);
  if (kind === 'definition') return jsonTokens(text);
  const pattern = readPatternFile(documentOf(text, 'pattern'));
  const tokens: string[] = [];
  const scanner = createScanner(text, false);
  let region = 0;
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    if (k === SyntaxKind.Trivia || k === SyntaxKind.LineBreakTrivia) continue;
    const code = pattern.regions[region];
    if (k === SyntaxKind.StringLiteral && code !== undefined && code.docStart === scanner.getTokenOffset() + 1) {
      for (const t of flowTokens(code.tree.text)) tokens.push(`code ${t}`);
      region++;
    } else tokens.push(scanner.getTokenValue());
  }
  return tokens;
}

export function kindOfFile(file: string): FileKind | undefined {
  if (file.endsWith('.cxflow')) return 'flow';
  if (file.endsWith('.pattern.json')) return 'pattern';
  if (file.endsWith('.integration.json')) return 'definition';
  return undefined;
}

/** Every definition, flow and payload file under `root` (skipping dependencies and build output). */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const folders = [root];
  while (folders.length > 0) {
    const dir = folders.pop() as string;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !['node_modules', '.cache', 'out', 'dist'].includes(entry.name)) folders.push(full);
      else if (entry.isFile() && kindOfFile(entry.name) !== undefined) found.push(full);
    }
  }
  return found.sort();
}

/** The column after Enter for the line holding `|` in flow code (its indentation runs to the first non-blank after it). */
export function enterColumn(text: string): number | undefined {
  const at = text.indexOf('|');
  const code = text.slice(0, at) + text.slice(at + 1);
  const lineStart = Math.max(code.lastIndexOf('\n', at - 1), code.lastIndexOf('\r', at - 1)) + 1;
  let indentEnd = lineStart;
  while (code[indentEnd] === ' ' || code[indentEnd] === '\t') indentEnd++;
  return newLineColumn(code, lineStart, indentEnd);
}
