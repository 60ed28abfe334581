// Bounds on the size of answers: a workspace of a hundred thousand definitions must not answer a
// completion with a hundred thousand items, nor a file of two hundred thousand patterns an
// outline of 50 MB. A capped list says so (`isIncomplete`), and the client asks again as the user
// types, with a longer word to narrow it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';

export const maxCompletionItems = 1000;
export const maxSymbols = 5000;
export const maxCodeLenses = 5000;

/** The word being typed before `position` (letters, digits and the punctuation of flow names). */
function wordBefore(doc: TextDocument, position: Position): string {
  const offset = doc.offsetAt(position);
  const text = doc.getText();
  let start = offset;
  while (start > 0 && start > offset - 200 && /[\w\-.*$+?!<>=/]/.test(text[start - 1])) start--;
  return text.slice(start, offset).toLowerCase();
}

/** Whether the characters of `word` appear in `text` in order, as a client's fuzzy filter asks. */
function fuzzyMatches(text: string, word: string): boolean {
  let i = 0;
  const lower = text.toLowerCase();
  for (let j = 0; j < lower.length && i < word.length; j++) if (lower[j] === word[i]) i++;
  return i === word.length;
}

/**
 * Items with a label (a client drops or chokes on an empty one), at most `maxCompletionItems` of
 * them: beyond that, those that match the word being typed, marked incomplete.
 */
export function boundedCompletion(list: CompletionList, doc: TextDocument, position: Position): CompletionList {
  let items: CompletionItem[] = list.items.filter((item) => item.label !== '');
  let isIncomplete = list.isIncomplete;
  if (items.length > maxCompletionItems) {
    const word = wordBefore(doc, position);
    if (word !== '') {
      items = items.filter((item) => fuzzyMatches(item.filterText ?? item.label, word));
      // Those that start with the word first: they are what the user most likely means.
      const starts = (item: CompletionItem) => (item.label.toLowerCase().startsWith(word) ? 0 : 1);
      items.sort((a, b) => starts(a) - starts(b));
    }
    if (items.length > maxCompletionItems) items = items.slice(0, maxCompletionItems);
    isIncomplete = true;
  }
  return { isIncomplete, items };
}
