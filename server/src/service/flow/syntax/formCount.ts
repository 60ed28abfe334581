// How many forms a read of flow code would make, counted in one pass over the characters without
// building anything: a guard against text of millions of tiny forms (`""""...`, `(a)(a)...`),
// which would take the reader and the analyser seconds and hundreds of megabytes.
import { Ch, isDelimiter } from './atoms';

/**
 * An upper bound of the forms (brackets, words, strings) in `text`, counting stops once above
 * `limit`. `embedded`: the code sits in JSON strings (a pattern file), so a quote is punctuation
 * there, not the start of a flow string; every word of the file then counts.
 */
export function countForms(text: string, limit: number, embedded: boolean): number {
  const length = text.length;
  let forms = 0;
  let i = 0;
  while (i < length && forms <= limit) {
    const c = text.charCodeAt(i);
    if (c <= Ch.Space || c === Ch.Comma || (embedded && (c === Ch.Quote || c === Ch.Backslash))) {
      i++;
    } else if (c === Ch.Semicolon && !embedded) {
      while (i < length && text.charCodeAt(i) !== Ch.LineFeed) i++;
    } else if (c === Ch.Quote) {
      forms++;
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        i += d === Ch.Backslash ? 2 : 1;
        if (d === Ch.Quote) break;
      }
    } else if (c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace) {
      forms++;
      i++;
    } else if (c === Ch.CloseParen || c === Ch.CloseBracket || c === Ch.CloseBrace) {
      i++;
    } else {
      forms++;
      i++;
      while (i < length && !isDelimiter(text.charCodeAt(i)) && !(embedded && text.charCodeAt(i) === Ch.Backslash)) i++;
    }
  }
  return forms;
}
