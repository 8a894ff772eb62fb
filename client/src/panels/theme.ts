// Light and dark themes: the page's colours and the Cytoscape stylesheet switch together; the choice is remembered.
import { strengthColoursByTheme, stylesheetFor, type Theme } from '../graph/style.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

const storageKey = 'xpf-theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export interface ThemePanel extends Panel {
  toggle(): void;
}

/** Applies the remembered (or system) theme on mount; `button` toggles it. */
export function mountTheme({ workspace }: PanelContext, button: HTMLButtonElement): ThemePanel {
  const lifetime = panelLifetime();
  let theme = initialTheme();
  const apply = () => {
    document.documentElement.dataset.theme = theme;
    // The links' colours as CSS properties (set through the CSSOM, which the CSP allows): the legend and
    // the timeline draw with the graph's own palette of this theme.
    for (const [strength, colour] of Object.entries(strengthColoursByTheme[theme])) {
      document.documentElement.style.setProperty(`--strength-${strength}`, colour);
    }
    button.setAttribute('aria-pressed', String(theme === 'dark'));
    workspace.setStylesheet(stylesheetFor(theme));
  };
  const toggle = () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(storageKey, theme);
    apply();
  };
  button.addEventListener('click', toggle, { signal: lifetime.signal });
  apply();
  return { toggle, dispose: lifetime.dispose };
}
