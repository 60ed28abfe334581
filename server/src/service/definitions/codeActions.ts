// Quick fixes in definition files: add an unredacted secret to its component's `redact` list, mark
// a secret-looking schema param as a password, and replace a misspelt param or enum value with a
// suggested one; edits follow the file's own layout.
import type { ASTNode, ObjectASTNode } from 'vscode-json-languageservice';
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeOf } from '../diagnostics';
import { asObject, asString, property, rangeOf, valueOf } from '../json';
import { DefinitionDocument } from './definitionDocument';

export function definitionCodeActions(parsed: DefinitionDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const code = codeOf(diagnostic);
    const data = (diagnostic.data ?? {}) as { param?: unknown; component?: unknown; suggestions?: unknown; likely?: unknown };
    if ((code === 'unknown-param' || code === 'schema') && Array.isArray(data.suggestions)) {
      // `unknown-param` suggests only close names (one of them: the did-you-mean); an enum value
      // lists every allowed one, the did-you-mean first when there is one.
      const didYouMean = code === 'unknown-param' ? data.suggestions.length === 1 : data.likely === true;
      for (const action of replacements(parsed.document, diagnostic, data.suggestions, didYouMean)) actions.push(action);
      continue;
    }
    if (typeof data.param !== 'string') continue;
    let action: CodeAction | undefined;
    if (code === 'unredacted-secret' && (data.component === 'endpoint' || data.component === 'listener')) {
      action = addToRedact(parsed, data.component, data.param);
    } else if (code === 'secret-not-masked') {
      action = markAsPassword(parsed, diagnostic, data.param);
    }
    // These write something new rather than correct a spelling: offered, never applied by Fix All.
    if (action) actions.push({ ...action, diagnostics: [diagnostic] });
  }
  return actions;
}

/** Replace the string a diagnostic stands on with each suggestion; the first is preferred when it is the one did-you-mean (Fix All applies it). */
function replacements(doc: TextDocument, diagnostic: Diagnostic, suggestions: unknown[], didYouMean: boolean): CodeAction[] {
  const current = doc.getText(diagnostic.range);
  if (!/^"(?:[^"\\]|\\.)*"$/.test(current)) return [];
  const names = suggestions.filter((s): s is string => typeof s === 'string');
  return names.map((suggestion, i) => ({
    ...quickFix(doc, `Change to \`${suggestion}\``, [TextEdit.replace(diagnostic.range, JSON.stringify(suggestion))]),
    diagnostics: [diagnostic],
    ...(i === 0 && didYouMean ? { isPreferred: true } : {}),
  }));
}

function quickFix(doc: TextDocument, title: string, edits: TextEdit[]): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } };
}

/** The file's spelling of `key: value`: the seed writes `"key" : value`, most editors `"key": value`. */
function colonStyle(doc: TextDocument, root: ASTNode | undefined): string {
  // The fixes reach here only on a root object holding the component or schema entry they edit, so
  // a first property with a value exists; the guard is for the type checker.
  // Stryker disable next-line OptionalChaining
  const first = asObject(root)?.properties.find((p) => p.valueNode);
  // Stryker disable next-line ConditionalExpression,OptionalChaining,StringLiteral
  if (!first?.valueNode) return ': ';
  const between = doc.getText().slice(first.keyNode.offset + first.keyNode.length, first.valueNode.offset);
  return /^ ?: ?$/.test(between) ? between : ': ';
}

function indentOfLineAt(doc: TextDocument, offset: number): string {
  const text = doc.getText();
  // Stryker disable next-line ArithmeticOperator: `offset` starts a key (`"`), so searching from one past it finds the same line break.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // Stryker disable next-line Regex,OptionalChaining,StringLiteral: `[ \t]*` matches (maybe empty) at the start of any text.
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** Text that adds `"key" <colon> value` as a new last property of `object`, laid out like its siblings. */
function appendProperty(doc: TextDocument, object: ObjectASTNode, key: string, value: string, colon: string): TextEdit {
  const last = object.properties[object.properties.length - 1];
  const entry = `${JSON.stringify(key)}${colon}${value}`;
  if (!last) {
    const inside = { start: doc.positionAt(object.offset + 1), end: doc.positionAt(object.offset + object.length - 1) };
    return TextEdit.replace(inside, ` ${entry} `);
  }
  const end = doc.positionAt(last.offset + last.length);
  if (doc.positionAt(object.offset).line !== doc.positionAt(last.offset).line) {
    return TextEdit.insert(end, `,\n${indentOfLineAt(doc, last.offset)}${entry}`);
  }
  return TextEdit.insert(end, `, ${entry}`);
}

function addToRedact(parsed: DefinitionDocument, component: 'endpoint' | 'listener', param: string): CodeAction | undefined {
  const doc = parsed.document;
  const object = asObject(valueOf(parsed.json.root, component));
  if (!object) return undefined;
  const title = `Add \`${param}\` to \`${component}.redact\``;
  const quoted = JSON.stringify(param);
  const redact = valueOf(object, 'redact');
  if (redact?.type === 'array') {
    const last = redact.items[redact.items.length - 1];
    if (!last) {
      return quickFix(doc, title, [TextEdit.replace(rangeOf(doc, redact), `[ ${quoted} ]`)]);
    }
    const separator = doc.positionAt(last.offset).line === doc.positionAt(redact.offset).line ? ', ' : `,\n${indentOfLineAt(doc, last.offset)}`;
    return quickFix(doc, title, [TextEdit.insert(doc.positionAt(last.offset + last.length), `${separator}${quoted}`)]);
  }
  if (redact) return undefined; // `redact` is not a list: the schema diagnostic says so; no safe edit.
  return quickFix(doc, title, [appendProperty(doc, object, 'redact', `[ ${quoted} ]`, colonStyle(doc, parsed.json.root))]);
}

function markAsPassword(parsed: DefinitionDocument, diagnostic: Diagnostic, param: string): CodeAction | undefined {
  const doc = parsed.document;
  const offset = doc.offsetAt(diagnostic.range.start);
  const candidates = [...listItems(valueOf(parsed.json.root, 'schema')), ...listItems(valueOf(valueOf(parsed.json.root, 'listener'), 'schema'))];
  const entry = candidates.find((e) => {
    const p = asString(valueOf(e, 'param'));
    return p?.value === param && p.offset === offset;
  });
  if (!entry) return undefined;
  const title = `Mark \`${param}\` as password`;
  const type = property(entry, 'type');
  if (type?.valueNode) return quickFix(doc, title, [TextEdit.replace(rangeOf(doc, type.valueNode), '"password"')]);
  return quickFix(doc, title, [appendProperty(doc, entry, 'type', '"password"', colonStyle(doc, parsed.json.root))]);
}

function listItems(node: ASTNode | undefined): ObjectASTNode[] {
  // An item that is no object has no `param` (valueOf reads objects only), so it would never match.
  // Stryker disable next-line ArrayDeclaration
  if (node?.type !== 'array') return [];
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration
  return node.items.flatMap((i) => (i.type === 'object' ? [i] : []));
}
