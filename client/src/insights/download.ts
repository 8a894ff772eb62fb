// Saves a file the browser made (a CSV, a picture) as a download: nothing leaves the machine.
import { createElement } from '../dom.ts';

export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = createElement('a', { attrs: { href: url, download: fileName } });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
