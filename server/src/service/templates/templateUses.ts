// The names a template file's `{{...}}` can read: gathered from every flow of the workspace (open
// ones as edited) that names the template with `+TM1`, at each place it does.
import type { LanguageService } from '../languageService';
import { regionDialect } from '../flow/analysis/dialect';
import { TemplateName, templateNamesAt } from '../flow/editing/templateNames';
import { FlowNode, isContainer } from '../flow/syntax/tree';
import { FlowRegion } from '../flow/embedding/region';
import { displayPath } from '../documents/uris';

/** The `+id` nodes of a region (a work list: any depth). */
function refsIn(region: FlowRegion, id: string): FlowNode[] {
  const found: FlowNode[] = [];
  const stack: FlowNode[] = [...region.tree.forms];
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (node.kind === 'template' && node.name === id) found.push(node);
    if (isContainer(node)) for (const child of node.children) stack.push(child);
  }
  return found;
}

export interface TemplateUses {
  /** The names in scope at some use, each once, with where it was seen. */
  names: TemplateName[];
  /** How many places name the template. */
  uses: number;
}

export async function templateUses(service: LanguageService, id: string, forUri: string): Promise<TemplateUses> {
  const workspace = service.workspace;
  const flows = new Map<string, string>();
  for (const source of workspace.openDocuments()) if (source.kind === 'flow' || source.kind === 'pattern') flows.set(source.key, source.uri);
  for (const file of workspace.knownFiles('flow')) if (!flows.has(file.key)) flows.set(file.key, file.uri);
  const names = new Map<string, TemplateName>();
  let uses = 0;
  const folder = workspace.folderOf(forUri);
  for (const uri of flows.values()) {
    // A flow of another folder sees that folder's templates.
    if (workspace.folderOf(uri) !== folder) continue;
    const source = await workspace.readFlow(uri);
    const text = source?.document.getText();
    if (source === undefined || text === undefined || (!text.includes(`+${id}`) && !text.includes('\\u'))) continue;
    const model = service.modelOf(source);
    if (model.guard !== undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) continue;
    const setting = service.contextFor(uri).settings.flow.dialect;
    for (const region of model.flow.regions) {
      const dialect = regionDialect(region, setting).version;
      for (const node of refsIn(region, id)) {
        uses++;
        const where = `${displayPath(uri, folder)}:${region.position(node.start).line + 1}`;
        for (const name of templateNamesAt(region, node, dialect)) {
          if (!names.has(name.name)) names.set(name.name, { ...name, detail: `${name.detail} (${where})` });
        }
      }
    }
  }
  return { names: [...names.values()], uses };
}
