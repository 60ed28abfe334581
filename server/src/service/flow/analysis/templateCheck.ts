// `unknown-template`: a `+TM1` that no template file of the workspace holds. Only when the
// workspace has template files at all: a flow checked without its templates (a lone file, a
// folder that keeps them elsewhere) is not wrong for naming one.
import { messages } from '../../codes';
import { TemplateRefNode } from '../syntax/tree';
import { suggestionsFor } from './suggestions';
import { Walk } from './walk';

export function checkTemplateRef(walk: Walk, node: TemplateRefNode): void {
  const templates = walk.ctx.templates;
  if (templates === undefined || templates.get(node.name) !== undefined) return;
  const known = templates.all().map((t) => t.id);
  if (known.length === 0) return;
  const suggestions = suggestionsFor(node.name, known);
  walk.sink({
    code: 'unknown-template',
    start: node.start,
    end: node.end,
    message: messages.unknownTemplate(node.name, known.length, suggestions[0]),
    data: { id: node.name, suggestions },
  });
}
