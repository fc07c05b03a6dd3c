/**
 * Text from a workbook (sheet names, cell text inside messages, file names) made safe for a
 * terminal: control characters are removed — escape sequences could recolour, move the cursor
 * or rewrite the report — and so are the bidirectional overrides and isolates that could
 * reorder a line on screen. Tabs and line breaks become spaces (one finding, one line).
 * Chinese, emoji (with their joiners and variation selectors) and right-to-left text are kept.
 * The JSON report is not filtered: JSON escapes what it must.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const BREAK = /[\t\n\r]/g;

export function printable(text: string): string {
  return text.replace(BREAK, ' ').replace(CONTROL, '');
}
