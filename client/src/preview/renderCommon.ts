// Pieces both previews share: sections, field rows with their reveal button, the problems list.
import type { FormProblem, FormRange } from '../../../server/src/protocol';
import { append, Child, Children, code, el, freshId } from './dom';

export type Reveal = (range: FormRange) => void;

export function section(title: Child | Child[], ...children: Children[]): HTMLElement {
  const headingId = freshId('h');
  const heading = el('h2', { id: headingId }, title);
  const result = el('section', { 'aria-labelledby': headingId }, heading);
  append(result, children);
  return result;
}

/** Message text where `quoted` words show as code, as in the editor's hovers. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, i) => {
    if (part === '') return;
    fragment.appendChild(i % 2 === 1 ? code(part) : document.createTextNode(part));
  });
  return fragment;
}

export function revealButton(what: string, range: FormRange, reveal: Reveal): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'reveal', title: 'Show in the editor' }, '↗');
  button.setAttribute('aria-label', `Show ${what} in the editor`);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    reveal(range);
  });
  return button;
}

export interface FieldRowOptions {
  /** Id of the control the label is for. */
  controlId: string;
  label: string;
  mandatory: boolean;
  control: HTMLElement;
  help?: string;
  problem?: string;
  badges?: string[];
  classes?: string[];
  range: FormRange;
  reveal: Reveal;
}

/** One labelled field; clicking the row (outside its control) reveals the field in the editor. */
export function fieldRow(o: FieldRowOptions): HTMLElement {
  const label = el('label', { for: o.controlId }, o.label);
  if (o.mandatory) {
    label.appendChild(el('span', { class: 'mandatory', title: 'Mandatory' }, '*'));
    o.control.setAttribute('aria-required', 'true');
  }
  const described: string[] = [];
  let help: HTMLElement | undefined;
  if (o.help !== undefined) {
    help = el('p', { class: 'help', id: freshId('help') }, o.help);
    described.push(help.id);
  }
  let problem: HTMLElement | undefined;
  if (o.problem !== undefined) {
    problem = el('p', { class: 'field-problem', id: freshId('problem') }, richText(o.problem));
    described.push(problem.id);
    o.control.setAttribute('aria-invalid', 'true');
  }
  if (described.length > 0) o.control.setAttribute('aria-describedby', described.join(' '));
  const badges = (o.badges ?? []).map((b) => el('span', { class: `badge badge-${b.replace(/[^a-z-]/g, '')}` }, b));
  const row = el(
    'div',
    { class: ['field', ...(o.classes ?? [])].join(' ') },
    el('div', { class: 'field-head' }, label, badges, revealButton(o.label, o.range, o.reveal)),
    o.control,
    help,
    problem,
  );
  row.addEventListener('click', (event) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, select, textarea, button, label')) return;
    o.reveal(o.range);
  });
  return row;
}

const severityLabel: Record<FormProblem['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Info',
  hint: 'Hint',
};

/** The problems list: each problem a button that reveals its range. */
export function problemsSection(problems: readonly FormProblem[], reveal: Reveal): HTMLElement | undefined {
  if (problems.length === 0) return undefined;
  const list = el('ul', { class: 'problems' });
  for (const p of problems) {
    const button = el(
      'button',
      { type: 'button', class: `problem problem-${p.severity}` },
      el('span', { class: 'severity' }, severityLabel[p.severity]),
      el('span', { class: 'problem-message' }, richText(p.message)),
      p.code !== undefined && el('span', { class: 'problem-code' }, p.code),
      el('span', { class: 'problem-where' }, `${p.range.start.line + 1}:${p.range.start.character + 1}`),
    );
    button.addEventListener('click', () => reveal(p.range));
    list.appendChild(el('li', {}, button));
  }
  return section(`Problems (${problems.length})`, list);
}
