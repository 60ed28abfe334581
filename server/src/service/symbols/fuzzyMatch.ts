// How well a symbol name matches what the user typed in "Go to Symbol in Workspace": the typed
// characters in order, case-insensitively; a whole-name match ranks first, then a prefix, then a
// run of the characters together, then characters apart (`smsg` finds `send-message`).

/** A score (higher is better), or undefined when `name` does not match `query`. */
export function matchScore(name: string, query: string): number | undefined {
  if (query === '') return 0;
  const lowerName = name.toLowerCase();
  const lowerQuery = query.toLowerCase();
  if (lowerName === lowerQuery) return 4;
  if (lowerName.startsWith(lowerQuery)) return 3;
  if (lowerName.includes(lowerQuery)) return 2;
  let at = 0;
  for (let i = 0; i < lowerQuery.length; i++) {
    const found = lowerName.indexOf(lowerQuery[i], at);
    if (found < 0) return undefined;
    at = found + 1;
  }
  return 1;
}
