// Renders the form of one send/await as the flow fills it: values, their sources, and mistakes.
import type { SendFieldModel, SendFormModel, SendValue } from '../../../server/src/protocol';
import { Child, code, el, freshId } from './dom';
import { Reveal, fieldRow, problemsSection, revealButton, section } from './renderCommon';
import type { LastRunValues } from './messages';

/** What the send form can ask of the panel besides revealing ranges. */
export interface SendFormActions {
  reveal: Reveal;
  apply(values: Record<string, string>): void;
}

export function renderSend(model: SendFormModel, actions: SendFormActions, lastRun?: LastRunValues): HTMLElement {
  const reveal = actions.reveal;
  const title = el('h1', {}, code(`${model.operator} ${model.integration} ${model.message}`));
  const header = el(
    'header',
    {},
    title,
    el(
      'p',
      { class: 'subtitle' },
      model.integrationDisplayName ?? 'unknown integration',
      ` · line ${model.range.start.line + 1}`,
      revealButton('this send', model.range, reveal),
    ),
  );
  const root = el('main', { class: 'preview send-preview' }, header, problemsSection(model.problems, reveal));
  const form = el('form', { class: 'form send-form', autocomplete: 'off' });
  form.addEventListener('submit', (event) => event.preventDefault());
  if (model.fields.length === 0) form.appendChild(el('p', { class: 'empty' }, 'This message has no fields.'));
  for (const field of model.fields) form.appendChild(sendField(field, reveal));
  if (model.fields.some((f) => f.editable)) form.appendChild(applyBar(form, actions));
  root.appendChild(section(['Message ', code(model.message)], form));
  if (lastRun) root.appendChild(lastRunSection(lastRun));
  return root;
}

/** The values the simulator's last run sent (rendered, credentials masked), and the mock's answer. */
function lastRunSection(run: LastRunValues): HTMLElement {
  const rows = Object.entries(run.params).map(([name, value]) => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, value)));
  return section(
    'Last run',
    el('p', { class: 'help' }, `Key ${run.key}, ${run.at}${run.attempt > 1 ? `, attempt ${run.attempt}` : ''}: ${run.outcome}`),
    rows.length > 0 ? el('table', { class: 'last-run' }, el('tbody', {}, rows)) : el('p', { class: 'empty' }, 'Sent no params.'),
  );
}

/** Apply writes the values typed or chosen in editable fields into the flow, as string constants. */
function applyBar(form: HTMLFormElement, actions: SendFormActions): HTMLElement {
  const button = el('button', { type: 'submit', class: 'apply', disabled: '' }, 'Apply to the flow');
  const hint = el('p', { class: 'help' }, 'Fill an empty field or choose a value, then apply: the send in the editor is updated.');
  const changed = (): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
      if (control.value !== (control.dataset.initial ?? '') && control.value !== '') values[control.dataset.field ?? ''] = control.value;
    }
    return values;
  };
  const update = () => {
    button.disabled = Object.keys(changed()).length === 0;
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', () => {
    const values = changed();
    if (Object.keys(values).length > 0) actions.apply(values);
  });
  return el('div', { class: 'apply-bar' }, button, hint);
}

const statusClass: Record<SendFieldModel['status'], string | undefined> = {
  ok: undefined,
  missing: 'field--missing',
  'invalid-enum': 'field--invalid',
  unknown: 'field--unknown',
  'secret-inline': 'field--secret',
  duplicate: 'field--duplicate',
};

function sendField(field: SendFieldModel, reveal: Reveal): HTMLElement {
  const id = freshId('send');
  const control = valueControl(id, field);
  if (field.editable && (control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) {
    control.dataset.field = field.name;
    control.dataset.initial = control.value;
    if (control instanceof HTMLInputElement) {
      control.readOnly = false;
      control.placeholder = field.value.kind === 'empty' ? 'not set: type a value' : '';
    }
  }
  const badges: string[] = [];
  if (field.templated) badges.push('templated');
  if (field.status === 'unknown') badges.push('unknown field');
  const classes = [`value-${field.value.kind}`];
  const status = statusClass[field.status];
  if (status) classes.push(status);
  // Colours follow the level the Problems panel shows, which the user may have changed.
  if (field.severity) classes.push(`field--${field.severity}`);
  return fieldRow({
    controlId: id,
    label: field.label,
    mandatory: field.mandatory,
    control,
    help: field.help,
    problem: field.problem,
    badges,
    classes,
    range: field.range,
    reveal,
  });
}

/** A constant shows in an input or drop-down; any other source is described in an `<output>`. */
function valueControl(id: string, field: SendFieldModel): HTMLElement {
  const value = field.value;
  if (field.options && (value.kind === 'constant' || value.kind === 'empty')) {
    const select = el('select', { id, name: field.name });
    select.appendChild(el('option', { value: '' }, value.kind === 'empty' ? 'not set' : ''));
    for (const option of field.options) select.appendChild(el('option', { value: option }, option));
    if (value.kind === 'constant') {
      if (field.options.includes(value.text)) select.value = value.text;
      else {
        const invalid = el('option', { value: value.text, class: 'invalid-option' }, `${value.text} (not a valid value)`);
        select.insertBefore(invalid, select.options[1] ?? null);
        select.value = value.text;
      }
    }
    return select;
  }
  if (value.kind === 'constant' || value.kind === 'empty') {
    const input = el('input', { id, type: 'text', name: field.name, readonly: '', spellcheck: 'false' });
    input.value = value.kind === 'constant' ? value.text : '';
    if (value.kind === 'empty') input.placeholder = 'not set';
    return input;
  }
  return el('output', { id, class: 'value-source' }, describeValue(value));
}

function describeValue(value: Exclude<SendValue, { kind: 'constant' | 'empty' }>): Child[] {
  switch (value.kind) {
    case 'event-field':
      return ['from event field ', code(value.field)];
    case 'message-template':
      return ['message template ', code(value.name)];
    case 'variable':
      return ['variable ', code(value.name)];
    case 'response':
      return ['response value ', code(`$${value.name}`)];
    case 'secret':
      return ['••• (inline secret)'];
    case 'expression':
      return ['computed: ', value.summary];
  }
}
