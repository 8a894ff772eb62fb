// Builds DOM nodes whose text is always textContent: labels and properties come from leaked documents, never trusted as HTML.

export interface ElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function createElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The element with this id, or a clear failure when index.html and the code disagree. */
export function requireElement<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`index.html has no <${type.name}> #${id}`);
  return element;
}

/** The element with this id inside a panel's own element: a panel reads only its parts, and a mismatch names both. */
export function requirePart<T extends HTMLElement>(root: HTMLElement, id: string, type: new () => T): T {
  const element = root.querySelector(`#${CSS.escape(id)}`);
  if (!(element instanceof type)) throw new Error(`index.html has no <${type.name}> #${id} inside #${root.id}`);
  return element;
}
