// Templates as a run renders them: `+TM1` from the templates given, inline `(template "...")`
// strings, over the values the pattern can see at that point.
import { FlowNode } from '../flow/syntax/tree';
import { GroupRun } from './groupRun';
import { renderMustache } from './templates';
import { Value } from './values';

export function renderText(run: GroupRun, text: string, view: Record<string, Value>, node: FlowNode): string {
  run.assume('`{{name}}` in templates is not HTML-escaped (the text goes to SMS, mail and chat)', node);
  const out = renderMustache(text, view);
  if ('error' in out) {
    run.step('note', node, `template not rendered (${out.error}): its text is used as written`);
    return text;
  }
  return out.text;
}

export function renderTemplateRef(run: GroupRun, id: string, view: Record<string, Value>, node: FlowNode): string {
  const template = run.setting.templates.get(id);
  if (template === undefined) {
    const known = [...run.setting.templates.keys()];
    run.step('note', node, `no template with id ${id} (${known.length === 0 ? 'no templates were given' : `known: ${known.join(', ')}`}): +${id} stays as written`);
    return `+${id}`;
  }
  return renderText(run, template.template, view, node);
}

/** The last value of each field over events in order: what `$field` and `{{field}}` read. */
export function lastValues(events: readonly { fields: Record<string, Value> }[]): Record<string, Value> {
  const view: Record<string, Value> = {};
  for (const e of events) for (const [k, v] of Object.entries(e.fields)) view[k] = v;
  return view;
}
