// Checks made before any parsing: files too large to analyse, binary data, and nesting deep enough
// to make a recursive parser overflow its stack.
import { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from './codes';
import { makeDiagnostic } from './diagnostics';
import { Settings } from './settings';

const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A diagnostic saying the file is not analysed, or undefined when analysis can go ahead. */
export function guardDocument(doc: TextDocument, settings: Settings): Diagnostic | undefined {
  const text = doc.getText();
  // Length in UTF-16 units is a close, cheap stand-in for bytes; exactness matters little here.
  if (text.length > settings.maxFileSize) {
    return makeDiagnostic('file-too-large', start, messages.fileTooLarge(text.length, settings.maxFileSize));
  }
  if (looksBinary(text)) return makeDiagnostic('not-analysed', start, messages.binaryFile());
  return undefined;
}

/** NUL characters, or many control characters, in the first 8 KiB mean binary data. */
export function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample > 0 && control / sample > 0.1;
}

/** The offset where JSON nesting first exceeds `limit`, ignoring brackets inside strings. */
export function jsonNestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}
