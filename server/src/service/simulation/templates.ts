// Message templates: `*.template.json` files hold the platform's template payload
// `{"id": "TM1", "name", "description", "template": "<mustache>"}`; `+TM1` names the one with
// that id. Rendered with Mustache, unescaped: the text goes to SMS, mail and chat, not HTML.
import Mustache from 'mustache';
import { InputProblem } from './events';
import { Value } from './values';

export interface MessageTemplate {
  id: string;
  name?: string;
  description?: string;
  template: string;
  /** Where it was read from (a path or uri), for messages. */
  source?: string;
}

export type TemplateSet = ReadonlyMap<string, MessageTemplate>;

/** A template payload from a file's text; a problem instead when it is not one. */
export function readTemplate(text: string, source: string): { template?: MessageTemplate; problem?: InputProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: { source: 'templates', message: `${source}: not JSON (${(error as Error).message})` } };
  }
  const o = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (o === undefined || typeof o.id !== 'string' || o.id === '' || typeof o.template !== 'string') {
    return { problem: { source: 'templates', message: `${source}: a template is {"id": "TM1", "name": ..., "description": ..., "template": "<mustache text>"}` } };
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { template: { id: o.id, name: str(o.name), description: str(o.description), template: o.template, source } };
}

export function templateSet(templates: readonly MessageTemplate[]): TemplateSet {
  return new Map(templates.map((t) => [t.id, t]));
}

const unescaped = { escape: (text: string) => text };

/** Mustache over a view; a template Mustache cannot parse gives its error instead. */
export function renderMustache(text: string, view: Record<string, Value>): { text: string } | { error: string } {
  try {
    return { text: Mustache.render(text, view, undefined, unescaped) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
