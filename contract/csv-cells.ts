// CSV cells and documents that spreadsheets open safely, Chinese names intact: shared by the server's
// exports and the client's table download, so both guard against formula injection the one way.

export type Cell = string | number | boolean | null;

/**
 * UTF-8 with a byte-order mark: without one, Excel reads a CSV in the machine's legacy code page
 * (Windows-1252 on most Western desktops) and every Chinese or Uyghur name turns to mojibake.
 * Lines end in CRLF, as RFC 4180 states; the last record ends in one too.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * One field. Text starting with = + - @ tab or CR gets a leading apostrophe: a spreadsheet would run
 * it as a formula (CSV injection: `=HYPERLINK(...)` leaking the sheet, or `=cmd|...` on old Excel),
 * and a name or note in a leaked file is text an adversary may have written. Numbers are left alone
 * (a longitude of -75.1 is not a formula). Other control characters are dropped: no sheet shows
 * them. A field holding a comma, quote, CR or LF is quoted with its quotes doubled (RFC 4180, section 2).
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from the cell.
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  const guarded = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
