// Light and dark themes: the page's colours and the Cytoscape stylesheet switch together; the choice is remembered.
import { requireElement } from '../dom.ts';
import { stylesheetFor, type Theme } from '../graph/style.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';

const storageKey = 'xpf-theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the remembered (or system) theme and returns the toggle. */
export function mountTheme(workspace: ExplorerWorkspace): () => void {
  const button = requireElement('theme-toggle', HTMLButtonElement);
  let theme = initialTheme();
  const apply = () => {
    document.documentElement.dataset.theme = theme;
    button.setAttribute('aria-pressed', String(theme === 'dark'));
    workspace.setStylesheet(stylesheetFor(theme));
  };
  const toggle = () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(storageKey, theme);
    apply();
  };
  button.addEventListener('click', toggle);
  apply();
  return toggle;
}
