// The ARIA menu pattern's keys, shared by the node menu and the export menu: arrows move through the
// items, Home and End jump, Escape closes.
export function moveInMenu(event: KeyboardEvent, items: readonly HTMLElement[], close: () => void): void {
  const at = items.indexOf(document.activeElement as HTMLElement);
  const go = (index: number) => items[(index + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') go(at + 1);
  else if (event.key === 'ArrowUp') go(at - 1);
  else if (event.key === 'Home') go(0);
  else if (event.key === 'End') go(items.length - 1);
  else if (event.key === 'Escape') close();
  else return;
  event.preventDefault();
}
