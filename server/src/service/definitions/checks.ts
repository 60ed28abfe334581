// Cross-reference checks of one definition, on its model: what JSON Schema alone cannot say
// (a secret left unredacted, a redact entry naming no param, a type declared twice).
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../codes';
import { makeDiagnostic } from '../diagnostics';
import { closestName } from '../suggest';
import { Component, Definition, Located, SchemaParam } from './model';
import { isSecretName } from './secretNames';

/** `data` of an `unredacted-secret` diagnostic: what the quick fix adds where. */
interface UnredactedSecretData {
  param: string;
  component: Component['kind'];
}

/** `data` of a `secret-not-masked` diagnostic: the schema entry to mark as a password. */
interface SecretNotMaskedData {
  param: string;
}

export interface DuplicateTypeFacts {
  /** Other workspace definitions (uris) declaring the same type. */
  others: string[];
  /** Whether a built-in definition of that type is visible, so this one overrides it. */
  overridesBuiltin: boolean;
}

export function checkDefinition(definition: Definition, duplicates?: DuplicateTypeFacts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const topSchema = definition.schema;
  const listenerSchema = definition.listener?.schema ?? [];
  const allSchema = [...topSchema, ...listenerSchema];
  const declared = new Set(allSchema.map((s) => s.param));
  const passwords = new Set(allSchema.filter((s) => s.password).map((s) => s.param));

  checkSchemaEntries(topSchema, 'schema', diagnostics);
  checkSchemaEntries(listenerSchema, 'listener.schema', diagnostics);

  for (const component of [definition.endpoint, definition.listener]) {
    if (!component) continue;
    const name = component.kind;
    const params = new Set(component.params.map((p) => p.value));
    // Stryker disable next-line ArrayDeclaration: a made-up entry of an absent redact list maps to `undefined`, which no param value equals.
    const redacted = new Set((component.redact ?? []).map((p) => p.value));

    for (const [list, entries] of [
      ['params', component.params],
      ['static-params', component.staticParams ?? []],
      ['redact', component.redact ?? []],
    ] as const) {
      reportDuplicates(entries, `${name}.${list}`, diagnostics);
    }

    for (const param of component.params) {
      if (passwords.has(param.value) && !redacted.has(param.value)) {
        const data: UnredactedSecretData = { param: param.value, component: name };
        diagnostics.push(makeDiagnostic('unredacted-secret', param.range, messages.unredactedSecret(param.value, name), { ...data }));
      }
      if (!declared.has(param.value)) {
        diagnostics.push(makeDiagnostic('param-without-form', param.range, messages.paramWithoutForm(param.value, name)));
      }
    }

    const known = new Set([...params, ...declared]);
    for (const [list, entries] of [
      ['static-params', component.staticParams ?? []],
      ['redact', component.redact ?? []],
    ] as const) {
      for (const entry of entries) {
        if (known.has(entry.value)) continue;
        const suggestion = closestName(entry.value, known);
        diagnostics.push(
          makeDiagnostic('unknown-param', entry.range, messages.unknownParam(entry.value, `${name}.${list}`, suggestion), {
            suggestions: suggestion === undefined ? [] : [suggestion],
          }),
        );
      }
    }

    const topType = definition.type?.value;
    if (component.type && topType !== undefined && component.type.value !== topType) {
      diagnostics.push(
        makeDiagnostic('endpoint-type-mismatch', component.type.range, messages.endpointTypeMismatch(name, component.type.value, topType)),
      );
    }
  }

  if (duplicates && definition.type) {
    const type = definition.type.value;
    for (const other of duplicates.others) {
      diagnostics.push(makeDiagnostic('duplicate-type', definition.type.range, messages.duplicateType(type, other)));
    }
    if (duplicates.overridesBuiltin) {
      diagnostics.push(makeDiagnostic('duplicate-type', definition.type.range, messages.overridesBuiltin(type), undefined, 'information'));
    }
  }
  return diagnostics;
}

function checkSchemaEntries(schema: SchemaParam[], where: string, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const entry of schema) {
    if (seen.has(entry.param)) {
      diagnostics.push(makeDiagnostic('duplicate-entry', entry.paramRange, messages.duplicateSchemaParam(entry.param, where)));
    }
    seen.add(entry.param);
    if (!entry.password && isSecretName(entry.param)) {
      const data: SecretNotMaskedData = { param: entry.param };
      diagnostics.push(makeDiagnostic('secret-not-masked', entry.paramRange, messages.secretNotMasked(entry.param), { ...data }));
    }
  }
}

function reportDuplicates(entries: readonly Located[], list: string, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.value)) diagnostics.push(makeDiagnostic('duplicate-entry', entry.range, messages.duplicateListEntry(entry.value, list)));
    seen.add(entry.value);
  }
}
