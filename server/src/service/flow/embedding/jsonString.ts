// The value of a JSON string literal with an offset map back to the document, so that flow code
// read from a pattern payload's string places its diagnostics on the characters as written.

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * The value of the JSON string literal at `[start, end)` of `text` (quotes included; an
 * unterminated literal has no closing quote), with `offsets[i]` the document offset of value
 * character `i` and `offsets[value.length]` the offset where the value ends.
 */
export function unescapeJsonString(text: string, start: number, end: number): { code: string; offsets: Uint32Array } {
  const contentStart = start + 1;
  const contentEnd = end - start >= 2 && text.charCodeAt(end - 1) === 34 ? end - 1 : end;
  const offsets = new Uint32Array(Math.max(contentEnd - contentStart, 0) + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = contentStart;
  let i = contentStart;
  while (i < contentEnd) {
    if (text.charCodeAt(i) !== 92 || i + 1 >= contentEnd) {
      offsets[n++] = i++;
      continue;
    }
    parts.push(text.slice(runStart, i));
    const e = text[i + 1];
    let width = 2;
    let value: string;
    switch (e) {
      case 'n':
        value = '\n';
        break;
      case 't':
        value = '\t';
        break;
      case 'r':
        value = '\r';
        break;
      case 'b':
        value = '\b';
        break;
      case 'f':
        value = '\f';
        break;
      case 'u': {
        let code = 0;
        let digits = 0;
        while (digits < 4 && i + 2 + digits < contentEnd) {
          const h = hexValue(text.charCodeAt(i + 2 + digits));
          if (h < 0) break;
          code = code * 16 + h;
          digits++;
        }
        // A broken \u escape is a JSON error already reported; keep its digits as written.
        value = digits === 4 ? String.fromCharCode(code) : 'u';
        width = digits === 4 ? 6 : 2;
        break;
      }
      default:
        // `\"`, `\\`, `\/`, and invalid escapes (reported by the JSON parser) stand for the character.
        value = e;
    }
    parts.push(value);
    offsets[n++] = i;
    i += width;
    runStart = i;
  }
  parts.push(text.slice(runStart, contentEnd));
  offsets[n] = contentEnd;
  return { code: parts.join(''), offsets: offsets.subarray(0, n + 1) };
}
