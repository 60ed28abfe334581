// The checks of a message template file: its JSON (syntax, and the template schema: `id` and
// `template` required, strings, no other keys) and its text read as Mustache, whose syntax error
// is placed on the tag at fault.
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../codes';
import { makeDiagnostic } from '../diagnostics';
import { jsonProblems, withoutFollowOns } from '../jsonProblems';
import { TemplateDocument, textRange } from './templateDocument';
import { MustacheProblem } from './mustacheText';

/** Mustache's messages end with a character offset, which means nothing to the reader: say what is wrong instead. */
export function mustacheMessage(problem: MustacheProblem): string {
  const detail = problem.message.replace(/ at \d+$/, '');
  const section = /^(Unopened|Unclosed) section "(.*)"$/.exec(detail);
  if (section !== null) {
    return section[1] === 'Unopened'
      ? `\`{{/${section[2]}}}\` closes a section that is not open`
      : `the section \`${section[2]}\` is never closed: expected \`{{/${section[2]}}}\``;
  }
  if (detail === 'Unclosed tag') return 'a tag is never closed: expected `}}`';
  return detail;
}

export async function checkTemplateDocument(doc: TemplateDocument): Promise<Diagnostic[]> {
  const problems = await jsonProblems(doc.document, doc.json, 'template');
  const error = doc.text?.mustache.error;
  const range = error && textRange(doc, error.start, error.end);
  if (error !== undefined && range !== undefined) problems.push(makeDiagnostic('template-syntax', range, messages.templateSyntax(mustacheMessage(error))));
  return withoutFollowOns(problems);
}
