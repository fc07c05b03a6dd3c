/** Text normalisation shared by label matching and value parsing. */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (！ to ～) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  // Most cells hold no full-width character: hand them back without rebuilding them.
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

const NEEDS_FOLDING = /[\s\u00a0\u3000\u200b\ufeff:：\uff01-\uff5ea-z]/;
const keyCache = new Map<string, string>();

/** Key for comparing labels: half-width, no spaces at all, `:` dropped, upper case. */
export function labelKey(text: string): string {
  // Labels and codes repeat across thousands of sheets: fold each distinct text once.
  let key = keyCache.get(text);
  if (key !== undefined) return key;
  key = NEEDS_FOLDING.test(text) ? toHalfWidth(text).replace(SPACES, '').replace(/[:：]/g, '').toUpperCase() : text;
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(text, key);
  return key;
}

/** A cell's text as a person reads it: trimmed, runs of spaces kept (they are the user's). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

const SPACE_RUN = /[ \u3000\u00a0]{2,}/;

/** True when a text has spaces at its ends or a run of two or more spaces inside. */
export function hasStraySpaces(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  // Untrimmed ends answer at once; otherwise the text is its own trimmed form.
  return raw !== raw.trim() || SPACE_RUN.test(raw);
}

/** The text with stray spaces removed: ends trimmed, inner runs folded to one space. */
export function trimSpaces(raw: string): string {
  return raw.trim().replace(/[ \u3000\u00a0]{2,}/g, ' ');
}

/** Excel error values read back as text (`#REF!`, `#VALUE!` …). */
export function isExcelError(value: unknown): boolean {
  return typeof value === 'string' && /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/.test(value.trim());
}
