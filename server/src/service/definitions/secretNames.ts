// Whether a param name says it holds a secret: one of the secret words as a word of the name
// (`api-key`, `apiKey`, `consumer_secret`, `SECRET-TOKEN`), in any case.
const secretWords = new Set(['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey']);
const secretPairs = new Set(['api key', 'private key']);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  // Stryker disable next-line EqualityOperator: `words[words.length]` is undefined, no secret word.
  for (let i = 0; i < words.length; i++) {
    if (secretWords.has(words[i])) return true;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past the last word the pair ends in `undefined`, no secret pair.
    if (i + 1 < words.length && secretPairs.has(`${words[i]} ${words[i + 1]}`)) return true;
  }
  return false;
}
