// Did-you-mean suggestions: the closest candidates by edit distance (a swap of neighbouring letters
// counting as one edit), within a bound that grows with the word's length so that short words
// don't match everything.
import { distance } from 'fastest-levenshtein';

function maxDistance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** Two neighbouring letters swapped (`cdoe` for `code`): one slip, as close as one wrong letter. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Candidates close to `word`, best first; case-only differences count as closest. */
export function closeMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const bound = maxDistance(word);
  const lower = word.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    // No edit distance is below the difference in length: most candidates need no distance at all.
    if (candidate === word || Math.abs(candidate.length - word.length) > bound) continue;
    const other = candidate.toLowerCase();
    const d = other === lower ? 0.5 : isTransposition(lower, other) ? 1 : distance(lower, other);
    if (d <= bound) scored.push({ candidate, score: d });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return closeMatches(word, candidates, 1)[0];
}

/**
 * Like `closest`, and failing that a candidate one of whose tails after a `-`, `_` or `.` is
 * close (`pasword` → `api-password`): names of params are often prefixed.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const whole = closest(word, list);
  if (whole !== undefined) return whole;
  const byTail = new Map<string, string>();
  for (const candidate of list) {
    for (let i = candidate.search(/[-_.]/); i >= 0; i = nextSeparator(candidate, i + 1)) {
      const tail = candidate.slice(i + 1);
      if (tail !== '' && !byTail.has(tail)) byTail.set(tail, candidate);
    }
  }
  const tail = closest(word, byTail.keys());
  return tail === undefined ? (byTail.has(word) ? byTail.get(word) : undefined) : byTail.get(tail);
}

function nextSeparator(text: string, from: number): number {
  const at = text.slice(from).search(/[-_.]/);
  return at < 0 ? -1 : from + at;
}
