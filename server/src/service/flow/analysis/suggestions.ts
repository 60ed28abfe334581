// Did-you-mean for flow words: the shared edit-distance matcher, plus swapped neighbouring
// letters (`sned` for `send`) and cut-short words (`retry` for `retries`), the commonest typos
// in short operator names.
import { closeMatches } from '../../suggest';

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** `retry` and `retries`: a common start of four letters or more, most of the shorter word. */
function sharesStem(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 4 && i * 3 >= Math.min(a.length, b.length) * 2 && Math.abs(a.length - b.length) <= 3;
}

/** Close candidates for `word`, best first (at most three). */
export function suggestionsFor(word: string, candidates: Iterable<string>): string[] {
  const unique = [...new Set(candidates)];
  const lower = word.toLowerCase();
  const swapped = unique.filter((c) => {
    const other = c.toLowerCase();
    return isTransposition(lower, other) || sharesStem(lower, other);
  });
  const close = closeMatches(word, unique, 3).filter((c) => !swapped.includes(c));
  return [...swapped, ...close].slice(0, 3);
}
