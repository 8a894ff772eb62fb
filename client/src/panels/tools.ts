// The graph toolbar and keyboard: undo/redo, show hidden, re-lay out, the theme, and a help overlay listing every shortcut.
import { createElement, requireElement } from '../dom.ts';
import { layoutNamed } from '../graph/layouts.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';

interface Shortcut {
  keys: string;
  does: string;
  matches(event: KeyboardEvent): boolean;
  run(): void;
}

export function mountTools(workspace: ExplorerWorkspace, toggleTheme: () => void): void {
  const { cy } = workspace;
  const undo = requireElement('undo', HTMLButtonElement);
  const redo = requireElement('redo', HTMLButtonElement);
  const help = requireElement('help', HTMLDialogElement);
  const refresh = () => {
    undo.disabled = !workspace.canUndo();
    redo.disabled = !workspace.canRedo();
  };
  workspace.onChange(refresh);
  undo.addEventListener('click', () => void workspace.undo());
  redo.addEventListener('click', () => void workspace.redo());
  requireElement('show-hidden', HTMLButtonElement).addEventListener('click', () => workspace.showAll());
  const relayout = () => {
    void workspace.relayout(layoutNamed(workspace.layout()));
  };
  requireElement('relayout', HTMLButtonElement).addEventListener('click', relayout);
  requireElement('help-open', HTMLButtonElement).addEventListener('click', () => help.showModal());
  requireElement('help-close', HTMLButtonElement).addEventListener('click', () => help.close());

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
    { keys: 'F', does: 'Fit the graph in view', matches: (e) => !ctrl(e) && e.key === 'f', run: () => cy.fit(undefined, 30) },
    { keys: 'T', does: 'Light or dark theme', matches: (e) => !ctrl(e) && e.key === 't', run: toggleTheme },
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

  document.addEventListener('keydown', (event) => {
    // Typing in a field is text, not a command; Ctrl+Z there undoes the typing.
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (target instanceof HTMLElement && target.isContentEditable) return;
    if (help.open || document.body.classList.contains('signed-out')) return;
    const shortcut = shortcuts.find((candidate) => candidate.matches(event));
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run();
  });
  refresh();
}
