// A tiny element builder for the webview: every string becomes a text node, so user data from a
// definition or a flow can never be read as markup.

export type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Code-like text, e.g. a field name inside a sentence. */
export function code(text: string): HTMLElement {
  return el('code', {}, text);
}

let nextId = 0;

/** Restarts the ids at each render, so that the same form gets the same ids and focus can be kept. */
export function resetIds(): void {
  nextId = 0;
}

/** A fresh element id; ids never carry user data. */
export function freshId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}
