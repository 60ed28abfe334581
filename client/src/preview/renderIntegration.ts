// Renders an integration's forms: configuration, endpoint, one form per message, listener.
import type {
  ComponentModel,
  ConfigurationInput,
  IntegrationFormModel,
  MessageFormModel,
  ParamBadge,
} from '../../../server/src/protocol';
import { code, el, freshId } from './dom';
import { Reveal, fieldRow, problemsSection, revealButton, section } from './renderCommon';

export function renderIntegration(model: IntegrationFormModel, reveal: Reveal): HTMLElement {
  const origin = model.builtin ? 'built-in' : 'workspace';
  const header = el(
    'header',
    {},
    el('h1', {}, model.displayName),
    el('p', { class: 'subtitle' }, model.type !== undefined ? code(model.type) : 'no type', ` · ${origin} integration`),
  );
  const root = el('main', { class: 'preview integration-preview' }, header, problemsSection(model.problems, reveal));
  root.appendChild(
    section('Configuration', configurationForm(model.configuration, 'This integration has no configuration form.', reveal)),
  );
  if (model.endpoint) root.appendChild(componentSection('Endpoint', model.endpoint, reveal));
  if (model.messages.length > 0) {
    root.appendChild(section('Messages', model.messages.map((m) => messageForm(m, reveal))));
  }
  if (model.listener) {
    const listener = componentSection('Listener', model.listener, reveal);
    if (model.listener.configuration) {
      listener.appendChild(el('h3', {}, 'Listener configuration'));
      listener.appendChild(configurationForm(model.listener.configuration, 'The listener has no form of its own.', reveal));
    }
    root.appendChild(listener);
  }
  return root;
}

function configurationForm(inputs: readonly ConfigurationInput[], emptyText: string, reveal: Reveal): HTMLElement {
  if (inputs.length === 0) return el('p', { class: 'empty' }, emptyText);
  const form = el('form', { class: 'form', autocomplete: 'off' });
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const input of inputs) {
    const id = freshId('config');
    // Never pre-filled: the preview shows the form, not anybody's credentials.
    const control = el('input', {
      id,
      type: input.password ? 'password' : 'text',
      name: input.param,
      autocomplete: input.password ? 'new-password' : 'off',
      spellcheck: 'false',
    });
    form.appendChild(
      fieldRow({
        controlId: id,
        label: input.label,
        mandatory: false,
        control,
        help: input.label === input.param ? undefined : `param ${input.param}`,
        badges: input.password ? ['password'] : [],
        range: input.range,
        reveal,
      }),
    );
  }
  return form;
}

const badgeText: Record<ParamBadge, string> = {
  static: 'static',
  redacted: 'redacted',
  'secret-not-redacted': 'secret, not redacted',
};

function componentSection(kind: string, component: ComponentModel, reveal: Reveal): HTMLElement {
  const details = el('dl', { class: 'component' });
  if (component.name !== undefined) details.append(el('dt', {}, 'Name'), el('dd', {}, code(component.name)));
  if (component.type !== undefined) details.append(el('dt', {}, 'Type'), el('dd', {}, code(component.type)));
  const params =
    component.params.length === 0
      ? el('p', { class: 'empty' }, 'No params.')
      : el(
          'ul',
          { class: 'params' },
          component.params.map((p) =>
            el(
              'li',
              { class: p.badges.includes('secret-not-redacted') ? 'param param--exposed' : 'param' },
              code(p.name),
              p.badges.map((b) => el('span', { class: `badge badge-${b}` }, badgeText[b])),
              revealButton(p.name, p.range, reveal),
            ),
          ),
        );
  return section(
    [`${kind}: `, component.displayName],
    details,
    el('h3', {}, 'Params'),
    params,
  );
}

function messageForm(message: MessageFormModel, reveal: Reveal): HTMLElement {
  const fieldset = el('fieldset', { class: 'form message-form' }, el('legend', {}, message.name));
  if (message.fields.length === 0) fieldset.appendChild(el('p', { class: 'empty' }, 'No fields.'));
  for (const field of message.fields) {
    const id = freshId('field');
    let control: HTMLElement;
    if (field.options) {
      const select = el('select', { id, name: field.name }, el('option', { value: '' }, 'Choose…'));
      for (const option of field.options) select.appendChild(el('option', { value: option }, option));
      control = select;
    } else {
      control = el('input', { id, type: 'text', name: field.name, autocomplete: 'off', spellcheck: 'false' });
    }
    fieldset.appendChild(
      fieldRow({
        controlId: id,
        label: field.label,
        mandatory: field.mandatory,
        control,
        help: field.help,
        range: field.range,
        reveal,
      }),
    );
  }
  return fieldset;
}
