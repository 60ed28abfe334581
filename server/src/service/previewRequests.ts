// The preview requests as the language service answers them: the form model of a definition, of
// an integration by type, or of the send at a position; the integrations for the quick pick; and
// the edit that writes a send form's values back into the flow.
import type { LanguageService } from './languageService';
import { Definition, definitionType, displayName } from './definitions/model';
import { wholeCharacters } from './documents/textSafety';
import { normaliseUri } from './documents/uris';
import { FormModel, FormPosition, IntegrationSummary, SendFormEditResult, integrationForm, sendForm, sendFormEdit } from './previews';
import { noEditReasons } from './previews/sendPreviewEdit';

/** What a form is asked for: a document (and a position in a flow), or an integration by type. */
export type FormTarget = { uri: string; position?: FormPosition } | { integrationType: string; uri?: string };

export class PreviewRequests {
  constructor(private readonly service: LanguageService) {}

  /** The form of a definition file, of the send at (or after) a position in a flow, or of an integration by type. */
  async formModel(target: FormTarget): Promise<FormModel | null> {
    const model = await this.anyFormModel(target);
    return model === null ? null : withWholeMessages(model);
  }

  private async anyFormModel(target: FormTarget): Promise<FormModel | null> {
    if ('integrationType' in target) {
      const definition = this.findIntegration(target.integrationType, target.uri);
      return definition ? this.definitionForm(definition.uri, definition) : null;
    }
    // A built-in definition lies outside every workspace folder: the bundle's copy is the form.
    const builtin = this.builtinAt(target.uri);
    if (builtin !== undefined) return this.definitionForm(builtin.uri, builtin);
    const source = await this.service.workspace.read(target.uri);
    if (source === undefined) return null;
    const model = this.service.modelOf(source);
    if (model.guard !== undefined) return null;
    switch (model.kind) {
      case 'definition':
        return this.definitionForm(target.uri);
      case 'flow':
      case 'pattern':
        return sendForm(model.flow, target.position ?? { line: 0, character: 0 }, this.service.contextFor(target.uri));
      default:
        return null;
    }
  }

  /** The edit for values chosen in a send form, on the flow as it stands now. */
  async sendFormEdit(uri: string, position: FormPosition, values: Readonly<Record<string, string>>): Promise<SendFormEditResult> {
    const source = await this.service.workspace.read(uri);
    const model = source === undefined ? undefined : this.service.modelOf(source);
    if (model === undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) return { edit: null, reason: noEditReasons.notAFlow };
    if (model.guard !== undefined) return { edit: null, reason: noEditReasons.notAnalysed };
    return sendFormEdit(model.flow, position, values, this.service.contextFor(uri));
  }

  /** Every integration visible from a document (else every known one), workspace ones first, each by display name. */
  integrationList(uri: string | undefined): IntegrationSummary[] {
    const index = this.service.index;
    this.service.loadBuiltins();
    const workspace = uri !== undefined ? this.service.contextFor(uri).visible().filter((d) => !d.builtin) : index.workspaceDefinitions();
    const summaries: IntegrationSummary[] = [];
    for (const d of [...workspace, ...index.builtinDefinitions()]) {
      const type = definitionType(d);
      if (type === undefined) continue;
      summaries.push({ type, displayName: displayName(d), uri: d.uri, builtin: d.builtin });
    }
    const byName = (a: IntegrationSummary, b: IntegrationSummary) =>
      Number(a.builtin) - Number(b.builtin) || a.displayName.localeCompare(b.displayName) || a.uri.localeCompare(b.uri);
    return summaries.sort(byName);
  }

  /** The built-in definition whose uri `uri` is (its bundled file's, or under the client's built-in scheme), if it is one. */
  private builtinAt(uri: string): Definition | undefined {
    const index = this.service.index;
    this.service.loadBuiltins();
    if (!index.isBuiltinUri(uri)) return undefined;
    const key = normaliseUri(uri);
    return index.builtinDefinitions().find((d) => normaliseUri(d.uri) === key);
  }

  private findIntegration(type: string, uri: string | undefined): Definition | undefined {
    if (uri !== undefined) return this.service.contextFor(uri).lookup(type);
    this.service.loadBuiltins();
    const index = this.service.index;
    return index.workspaceDefinitions().find((d) => definitionType(d) === type) ?? index.builtin(type);
  }

  /** The form of a definition file as it stands now (unsaved edits included), with its problems. */
  private async definitionForm(uri: string, known?: Definition): Promise<FormModel | null> {
    const index = this.service.index;
    // A built-in definition is read from the bundle, not through the workspace.
    const source = known?.builtin ? undefined : await this.service.workspace.read(uri);
    if (source === undefined) return known ? integrationForm(known, []) : null;
    const model = this.service.modelOf(source);
    if (model.kind !== 'definition') return null;
    const builtin = known?.builtin ?? index.isBuiltinUri(uri);
    return integrationForm({ ...model.definition.definition, builtin }, await this.service.diagnostics(uri));
  }
}

/** The model with no half surrogate pair in its messages (a name in them may come from broken input). */
function withWholeMessages(model: FormModel): FormModel {
  for (const problem of model.problems) problem.message = wholeCharacters(problem.message);
  if (model.kind === 'send') {
    for (const field of model.fields) if (field.problem !== undefined) field.problem = wholeCharacters(field.problem);
  }
  return model;
}
