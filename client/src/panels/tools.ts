// The graph toolbar and keyboard: undo/redo, show hidden, re-lay out, the theme, and a help overlay listing every shortcut.
import { createElement, requireElement, requirePart } from '../dom.ts';
import { layoutNamed } from '../graph/layouts.ts';
import { fitAll, fitReadable } from '../graph/readable.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import { mountTheme } from './theme.ts';

interface Shortcut {
  keys: string;
  does: string;
  matches(event: KeyboardEvent): boolean;
  run(): void;
}

/** Mounts on the toolbar: its buttons, the theme toggle among them, and the page's keyboard shortcuts. */
export function mountTools(context: PanelContext, toolbar: HTMLElement): Panel {
  const { workspace } = context;
  const { cy } = workspace;
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const button = (id: string) => requirePart(toolbar, id, HTMLButtonElement);
  const theme = mountTheme(context, button('theme-toggle'));
  lifetime.defer(theme.dispose);
  const undo = button('undo');
  const redo = button('redo');
  const help = requireElement('help', HTMLDialogElement);
  const refresh = () => {
    undo.disabled = !workspace.canUndo();
    redo.disabled = !workspace.canRedo();
  };
  lifetime.defer(workspace.onChange(refresh));
  undo.addEventListener('click', () => void workspace.undo(), { signal });
  redo.addEventListener('click', () => void workspace.redo(), { signal });
  button('show-hidden').addEventListener('click', () => workspace.showAll(), { signal });
  const relayout = () => {
    void workspace.relayout(layoutNamed(workspace.layout()));
  };
  button('relayout').addEventListener('click', relayout, { signal });
  button('help-open').addEventListener('click', () => help.showModal(), { signal });
  requireElement('help-close', HTMLButtonElement).addEventListener('click', () => help.close(), { signal });

  const selectedIds = () => cy.elements(':selected').map((element) => element.id());
  const ctrl = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
  const shortcuts: Shortcut[] = [
    { keys: 'Ctrl+Z', does: 'Undo', matches: (e) => ctrl(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: () => void workspace.undo() },
    {
      keys: 'Ctrl+Shift+Z or Ctrl+Y',
      does: 'Redo',
      matches: (e) => ctrl(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
      run: () => void workspace.redo(),
    },
    { keys: '/', does: 'Search', matches: (e) => e.key === '/', run: () => requireElement('search-input', HTMLInputElement).focus() },
    {
      keys: 'H or Delete',
      does: 'Hide the selection',
      matches: (e) => !ctrl(e) && (e.key === 'h' || e.key === 'Delete'),
      run: () => workspace.hide(selectedIds()),
    },
    { keys: 'P', does: 'Pin or unpin the selected nodes', matches: (e) => !ctrl(e) && e.key === 'p', run: () => togglePins() },
    { keys: 'Shift+H', does: 'Show everything hidden', matches: (e) => !ctrl(e) && e.key === 'H', run: () => workspace.showAll() },
    { keys: 'L', does: 'Lay the graph out again', matches: (e) => !ctrl(e) && e.key === 'l', run: relayout },
    { keys: 'F', does: 'Fit the graph in view, names kept readable', matches: (e) => !ctrl(e) && e.key === 'f', run: () => fitReadable(cy) },
    { keys: 'Shift+F', does: 'Show the whole graph, however small', matches: (e) => !ctrl(e) && e.key === 'F', run: () => fitAll(cy) },
    { keys: 'T', does: 'Light or dark theme', matches: (e) => !ctrl(e) && e.key === 't', run: theme.toggle },
    { keys: 'Click; Shift+click or Ctrl+click', does: 'Select one element; add to the selection', matches: () => false, run: () => {} },
    { keys: 'Arrow keys, Enter (graph focused)', does: 'Move between nodes; inspect the selection', matches: () => false, run: () => {} },
    { keys: 'Menu key or Shift+F10', does: 'Open the menu of the selected node', matches: () => false, run: () => {} },
    { keys: 'Double-click a node', does: 'Expand it (every link)', matches: () => false, run: () => {} },
    { keys: 'Right-click a node', does: 'Expand by relationship type, trace, pin, hide, remove, path ends', matches: () => false, run: () => {} },
    { keys: '?', does: 'This help', matches: (e) => e.key === '?', run: () => help.showModal() },
    { keys: 'Escape', does: 'Close a menu or this help', matches: () => false, run: () => {} },
  ];
  const togglePins = () => {
    const nodes = cy.nodes(':selected').map((node) => node.id());
    const allPinned = nodes.every((id) => workspace.isPinned(id));
    workspace.setPinned(nodes, !allPinned);
  };
  requireElement('help-shortcuts', HTMLElement).replaceChildren(
    ...shortcuts.flatMap((shortcut) => [
      createElement('dt', {}, [createElement('kbd', { text: shortcut.keys })]),
      createElement('dd', { text: shortcut.does }),
    ]),
  );

  document.addEventListener(
    'keydown',
    (event) => {
      // Typing in a field is text, not a command; Ctrl+Z there undoes the typing.
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      if (target instanceof HTMLElement && target.isContentEditable) return;
      if (help.open || document.body.classList.contains('signed-out')) return;
      const shortcut = shortcuts.find((candidate) => candidate.matches(event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    },
    { signal },
  );
  refresh();
  return { dispose: lifetime.dispose };
}
