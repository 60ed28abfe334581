// Semantic tokens as LSP sends them: five integers a token, each position relative to the token
// before. Tokens come in document order, so one line table and a cursor that only moves forward
// place them all; a token that would span lines (a string key holding a line break) is left out.

/** Offsets where each line of `text` starts (`\n`, `\r\n` and `\r` end a line, as LSP counts them). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export class DocumentTokens {
  readonly data: number[] = [];
  /** The line table, for a text with `\r` line ends; a `\n`-only text is scanned as tokens come. */
  private readonly starts: number[] | undefined;
  private line = 0;
  private lineStart = 0;
  /** Where the line after the current one starts (past the end: none). */
  private nextLine: number;
  private lastLine = 0;
  private lastChar = 0;
  private lastStart = -1;

  /** Tokens outside the document offsets `from`..`to` are left out. */
  constructor(
    private readonly text: string,
    private readonly from = 0,
    private readonly to = Number.MAX_SAFE_INTEGER,
  ) {
    this.starts = text.indexOf('\r') < 0 ? undefined : lineStarts(text);
    this.nextLine = this.lineAfter(0);
  }

  private lineAfter(line: number): number {
    if (this.starts !== undefined) return this.starts[line + 1] ?? Number.MAX_SAFE_INTEGER;
    const lf = this.text.indexOf('\n', this.lineStart);
    return lf < 0 ? Number.MAX_SAFE_INTEGER : lf + 1;
  }

  /** A token from document offset `start` to `end`; `start` must not be before the last token's. */
  push(start: number, end: number, type: number, modifiers: number): void {
    if (end <= start || end <= this.from || start >= this.to || start < this.lastStart) return;
    while (this.nextLine <= start) {
      this.line++;
      this.lineStart = this.nextLine;
      this.nextLine = this.lineAfter(this.line);
    }
    if (end >= this.nextLine) return;
    const line = this.line;
    const char = start - this.lineStart;
    this.data.push(line - this.lastLine, line === this.lastLine ? char - this.lastChar : char, end - start, type, modifiers);
    this.lastLine = line;
    this.lastChar = char;
    this.lastStart = start;
  }
}

/** A token decoded to absolute terms, for tests and logs: `[line, character, length, type, modifiers]`. */
export type DecodedToken = [number, number, number, string, string[]];

/** Decodes LSP's relative integers with a legend. */
export function decodeTokens(data: readonly number[], legend: { tokenTypes: readonly string[]; tokenModifiers: readonly string[] }): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    tokens.push([line, char, data[i + 2], legend.tokenTypes[data[i + 3]], modifiers]);
  }
  return tokens;
}
