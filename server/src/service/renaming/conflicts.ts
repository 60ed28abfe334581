// Whether a new name is already taken where a rename would put it: another integration type the
// definition's flows could mean, another message of the endpoint, another field of the message,
// or another variable visible at the binding or at one of its reads (which the rename would hide
// or be hidden by).
import type { LanguageService } from '../languageService';
import { displayPath } from '../documents/uris';
import { usesOf, variablesAt, VariableBinding } from '../flow/analysis/variables';
import { FlowRegion } from '../flow';
import { indexInParent } from '../flow/syntax/tree';
import { DeclaredName, RenameSubject } from './renameTarget';

/** Why `newName` is taken for `subject`, or undefined when it is free. */
export function takenReason(service: LanguageService, subject: RenameSubject, newName: string): string | undefined {
  if (subject.kind === 'variable') return variableTaken(subject.region, subject.binding, newName);
  return declaredTaken(service, subject, newName);
}

function declaredTaken(service: LanguageService, name: DeclaredName, newName: string): string | undefined {
  const { definition } = name;
  if (name.kind === 'integration') {
    const scope = service.index.scopeFor(definition.uri, true);
    const other = service.index.lookup(newName, scope);
    if (other === undefined) return undefined;
    if (other.builtin) return `\`${newName}\` is already the type of a built-in integration: flows would mean both by one name.`;
    return `\`${newName}\` is already the type of the integration defined in ${displayPath(other.uri, scope.folder)}.`;
  }
  const message = definition.endpoint?.message(name.message ?? '');
  if (name.kind === 'message') {
    return definition.endpoint?.message(newName) === undefined ? undefined : `\`${name.type}\` already has a message \`${newName}\`.`;
  }
  return message?.field(newName) === undefined ? undefined : `The message \`${name.type} ${name.message}\` already has a field \`${newName}\`.`;
}

function variableTaken(region: FlowRegion, binding: VariableBinding, newName: string): string | undefined {
  for (const symbol of usesOf(region, binding)) {
    const parent = symbol.parent;
    const visible = variablesAt(region, parent, parent === undefined ? -1 : indexInParent(symbol), symbol.start);
    const other = visible.find((b) => b.name === newName && b.node !== binding.node);
    if (other !== undefined) {
      const line = region.position(other.node.start).line + 1;
      return `A variable \`${newName}\` (line ${line}) is already in scope where \`${binding.name}\` is used: the rename would change what the code reads.`;
    }
  }
  return undefined;
}
