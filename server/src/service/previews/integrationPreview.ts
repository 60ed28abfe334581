// Builds the preview of an integration definition: its configuration form, endpoint, one form per
// message it sends, its listener, and the problems of the file.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Component, Definition, SchemaParam, definitionType, displayName } from '../definitions/model';
import {
  ComponentModel,
  ComponentParam,
  ConfigurationInput,
  FormProblem,
  IntegrationFormModel,
  MessageFormModel,
  ParamBadge,
  ProblemSeverity,
} from './previewModel';

export function integrationForm(definition: Definition, diagnostics: readonly Diagnostic[]): IntegrationFormModel {
  const passwords = new Set<string>();
  for (const p of definition.schema) if (p.password) passwords.add(p.param);
  for (const p of definition.listener?.schema ?? []) if (p.password) passwords.add(p.param);
  const model: IntegrationFormModel = {
    kind: 'integration',
    uri: definition.uri,
    type: definitionType(definition),
    displayName: displayName(definition),
    builtin: definition.builtin,
    configuration: configurationInputs(definition.schema),
    messages: messageForms(definition.endpoint),
    problems: formProblems(diagnostics),
  };
  if (definition.endpoint) model.endpoint = componentModel(definition.endpoint, passwords);
  if (definition.listener) {
    model.listener = componentModel(definition.listener, passwords);
    if (definition.listener.schema) model.listener.configuration = configurationInputs(definition.listener.schema);
  }
  return model;
}

function configurationInputs(schema: readonly SchemaParam[]): ConfigurationInput[] {
  return schema.map((p) => ({
    param: p.param,
    label: p.label || p.param,
    password: p.password,
    range: p.entryRange,
  }));
}

function componentModel(component: Component, passwords: ReadonlySet<string>): ComponentModel {
  const staticParams = new Set((component.staticParams ?? []).map((p) => p.value));
  const redacted = new Set((component.redact ?? []).map((p) => p.value));
  const params: ComponentParam[] = [];
  const seen = new Set<string>();
  // Entries of static-params/redact missing from params still matter to the reader (a typo there
  // leaves a secret unredacted), so they are listed too.
  for (const p of [...component.params, ...(component.staticParams ?? []), ...(component.redact ?? [])]) {
    if (seen.has(p.value)) continue;
    seen.add(p.value);
    const badges: ParamBadge[] = [];
    if (staticParams.has(p.value)) badges.push('static');
    if (redacted.has(p.value)) badges.push('redacted');
    else if (passwords.has(p.value)) badges.push('secret-not-redacted');
    params.push({ name: p.value, badges, range: p.range });
  }
  const result: ComponentModel = {
    displayName: component.display?.value || component.name?.value || component.kind,
    params,
    range: component.keyRange,
  };
  if (component.name) result.name = component.name.value;
  if (component.type) result.type = component.type.value;
  return result;
}

function messageForms(endpoint: Component | undefined): MessageFormModel[] {
  return (endpoint?.sends ?? []).map((message) => ({
    name: message.name,
    range: message.keyRange,
    fields: message.fields.map((f) => {
      const field: MessageFormModel['fields'][number] = {
        name: f.name,
        label: f.name,
        mandatory: f.mandatory,
        range: f.keyRange,
      };
      if (f.description !== undefined) field.help = f.description;
      if (f.enum !== undefined) field.options = [...f.enum];
      return field;
    }),
  }));
}

const severityNames: Record<DiagnosticSeverity, ProblemSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Diagnostics as the problems list shows them, in document order. */
export function formProblems(diagnostics: readonly Diagnostic[]): FormProblem[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => {
      const problem: FormProblem = {
        message: typeof d.message === 'string' ? d.message : d.message.value,
        severity: severityNames[d.severity ?? DiagnosticSeverity.Error],
        range: d.range,
      };
      if (typeof d.code === 'string' || typeof d.code === 'number') problem.code = String(d.code);
      return problem;
    });
}
