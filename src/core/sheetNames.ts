/**
 * Excel's rules for sheet names: 1–31 characters, none of []:*?/\, no apostrophe at either end.
 * Excel counts UTF-16 code units (a character outside the Basic Multilingual Plane, such as 𠀋 or an
 * emoji, counts twice), and so do these functions; a surrogate pair is never cut in half.
 */

export const MAX_SHEET_NAME = 31;

/** The longest start of `text` of at most `units` UTF-16 code units, whole characters only. */
export function cutToUnits(text: string, units: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

/** Spaces and apostrophes at either end (Excel refuses a name that starts or ends with `'`). */
const trimEnds = (text: string) => text.replace(/^[\s']+|[\s']+$/g, '');

export function sanitizeSheetName(name: string): string {
  const clean = trimEnds(name.replace(/[\[\]:*?/\\\r\n\t]/g, ' ').replace(/\s+/g, ' '));
  // Cutting to length can leave an apostrophe at the end again.
  return trimEnds(cutToUnits(clean, MAX_SHEET_NAME)) || 'Sheet';
}

/** A valid name not among `existing` (compared case-insensitively, as Excel does): `name`, `name (2)`, … */
export function uniqueSheetName(name: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(name);
  if (!taken.has(base.toLowerCase()) && base.toLowerCase() !== 'history') return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = cutToUnits(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name as it stands in a formula: always quoted, quotes doubled (`'It''s'`). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
