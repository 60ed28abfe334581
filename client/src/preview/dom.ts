// A tiny element builder for the webview: every string becomes a text node, so user data from a
// definition or a flow can never be read as markup.

export type Child = Node | string | undefined | false;

/** Children as written, or a list of them (one per field, message, param: as many as the data has). */
export type Children = Child | readonly Child[];

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

/** Appends children, and the children of lists, in order; strings become text nodes. */
export function append(parent: Node, children: readonly Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else if (child !== undefined && child !== false) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : (child as Node));
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
