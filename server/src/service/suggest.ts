// Did-you-mean suggestions: the closest candidates by edit distance, within a bound that grows
// with the word's length so that short words don't match everything.
import { distance } from 'fastest-levenshtein';

function maxDistance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** Candidates close to `word`, best first; case-only differences count as closest. */
export function closeMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const bound = maxDistance(word);
  const lower = word.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = candidate.toLowerCase() === lower ? 0.5 : distance(lower, candidate.toLowerCase());
    if (d <= bound) scored.push({ candidate, score: d });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return closeMatches(word, candidates, 1)[0];
}
