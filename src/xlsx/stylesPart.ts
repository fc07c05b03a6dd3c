/**
 * Adds the cell styles a new sheet needs to a workbook's styles part, minimally: fonts, a
 * border, number formats and cell formats (`xf`) are appended to their lists (or found there
 * from an earlier run, reused), counts updated, nothing else of the part changed. The bold and
 * link fonts are the workbook's default font with bold / underline and link colour added.
 */
import { MAIN_NS, CellStyle, styleKey } from './sheetXml';
import { XmlElement, childrenNamed, escapeAttr, parseXmlOutline, qname, splice, Splice, attr } from './xmlOutline';

/** Number formats every spreadsheet application knows by id (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49,
};

/** The order of a stylesheet's children (CT_Stylesheet). */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const LINK_COLOUR = 'FF0563C1';

export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}"></styleSheet>`;

/** The spans of a start tag's attributes (`name="value"`), read in order so a value can never be taken for a name. */
function attributeSpans(tag: string): { name: string; start: number; end: number }[] {
  const spans: { name: string; start: number; end: number }[] = [];
  const re = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;
  re.lastIndex = tag.search(/[\s/>]/);
  for (let m = re.exec(tag); m; m = re.exec(tag)) spans.push({ name: m[1], start: m.index, end: re.lastIndex });
  return spans;
}

/** The start tag of `el` with its `count` attribute set to `count` (added only where it was). */
function withCount(startTag: string, count: number): string {
  const span = attributeSpans(startTag).find((s) => s.name === 'count');
  if (!span) return startTag;
  return `${startTag.slice(0, span.start)} count="${count}"${startTag.slice(span.end)}`;
}

interface Section {
  local: string;
  el: XmlElement | undefined;
  /** The items' XML as written: the part's own, then the defaults index 0 stands for when it had none, then ours. */
  items: string[];
  /** How many of `items` the part already holds. */
  existing: number;
}

export interface AddedStyles {
  xml: string;
  /** The `s` index of a cell style. */
  index(style: CellStyle): number;
}

/** Adds `styles` to the styles part `xml` (or to a new, empty one when the workbook has none). */
export function addCellStyles(xml: string, styles: readonly CellStyle[]): AddedStyles {
  const root = parseXmlOutline(xml);
  if (root.local !== 'styleSheet') throw new Error('the styles part is not a stylesheet');
  const q = (local: string) => qname(root, local);
  const el = (local: string, attrs: string, inner?: string) =>
    inner === undefined ? `<${q(local)}${attrs}/>` : `<${q(local)}${attrs}>${inner}</${q(local)}>`;

  const section = (local: string, item: string, defaults: string[] = []): Section => {
    const found = childrenNamed(root, local)[0];
    const items = found ? childrenNamed(found, item).map((c) => xml.slice(c.start, c.end)) : [];
    return { local, el: found, items: items.length ? items : [...defaults], existing: items.length };
  };
  const defaultXf = el('xf', ' numFmtId="0" fontId="0" fillId="0" borderId="0"');
  const fonts = section('fonts', 'font', [el('font', '', el('sz', ' val="11"') + el('name', ' val="Calibri"'))]);
  const fills = section('fills', 'fill', [
    el('fill', '', el('patternFill', ' patternType="none"')),
    el('fill', '', el('patternFill', ' patternType="gray125"')),
  ]);
  const borders = section('borders', 'border', [el('border', '', ['left', 'right', 'top', 'bottom', 'diagonal'].map((s) => el(s, '')).join(''))]);
  const numFmts = section('numFmts', 'numFmt');
  const cellXfs = section('cellXfs', 'xf', [defaultXf]);
  // A stylesheet made here (none had cell formats) gets the one cell style format Excel's own have.
  const styleXfs = section('cellStyleXfs', 'xf', cellXfs.existing ? [] : [defaultXf]);
  const hasStyleXf = styleXfs.items.length > 0;

  const indexIn = (s: Section, item: string): number => {
    let i = s.items.indexOf(item);
    if (i < 0) i = s.items.push(item) - 1;
    return i;
  };

  // Fonts: the default font (index 0) with bold and/or the link look added.
  const baseFont = fonts.items[0];
  const fontEl = fonts.existing ? childrenNamed(fonts.el!, 'font')[0] : undefined;
  const fontVariant = (bold: boolean, link: boolean): number => {
    if (!bold && !link) return 0;
    let start = baseFont;
    let inner: Splice[] = [];
    if (fontEl) {
      const offset = fontEl.start;
      start = xml.slice(fontEl.start, fontEl.end);
      const cut = (local: string) =>
        childrenNamed(fontEl, local).map((c): Splice => ({ at: c.start - offset, remove: c.end - c.start, text: '' }));
      inner = [...(bold ? cut('b') : []), ...(link ? [...cut('u'), ...cut('color')] : [])];
      const added = (bold ? el('b', '') : '') + (link ? el('u', '') + el('color', ` rgb="${LINK_COLOUR}"`) : '');
      if (fontEl.selfClosing) {
        const open = start.replace(/\s*\/>$/, '>');
        return indexIn(fonts, `${open}${added}</${fontEl.name}>`);
      }
      inner.push({ at: fontEl.openEnd - offset, text: added });
      return indexIn(fonts, splice(start, inner));
    }
    // A new fonts list: its default is ours, written without prefix tricks.
    const added = (bold ? el('b', '') : '') + (link ? el('u', '') + el('color', ` rgb="${LINK_COLOUR}"`) : '');
    return indexIn(fonts, start.replace(/>/, `>${added}`));
  };

  const thin = el('color', ' indexed="64"');
  const borderItem = el('border', '', ['left', 'right', 'top', 'bottom'].map((s) => el(s, ' style="thin"', thin)).join('') + el('diagonal', ''));

  let nextFormatId = 164;
  if (numFmts.el) {
    for (const n of childrenNamed(numFmts.el, 'numFmt')) nextFormatId = Math.max(nextFormatId, Number(attr(n, 'numFmtId')) + 1 || 0);
  }
  const formatId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    for (const n of numFmts.el ? childrenNamed(numFmts.el, 'numFmt') : []) if (attr(n, 'formatCode') === code) return Number(attr(n, 'numFmtId'));
    const item = el('numFmt', ` numFmtId="${nextFormatId}" formatCode="${escapeAttr(code)}"`);
    numFmts.items.push(item);
    return nextFormatId++;
  };

  const plain = (s: CellStyle) => !s.numFmt && !s.bold && !s.link && !s.centred && !s.wrap && !s.border;
  if (styles.every(plain)) return { xml, index: () => 0 };
  const indexes = new Map<string, number>();
  for (const s of styles) {
    const key = styleKey(s);
    if (indexes.has(key)) continue;
    if (plain(s)) {
      indexes.set(key, 0);
      continue;
    }
    const numFmtId = formatId(s.numFmt);
    const fontId = fontVariant(!!s.bold, !!s.link);
    const borderId = s.border ? indexIn(borders, borderItem) : 0;
    const align = s.centred || s.wrap;
    const attrs =
      ` numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}"${hasStyleXf ? ' xfId="0"' : ''}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const alignment = align
      ? el('alignment', `${s.centred ? ' horizontal="center"' : ''} vertical="center"${s.wrap ? ' wrapText="1"' : ''}`)
      : undefined;
    indexes.set(key, indexIn(cellXfs, el('xf', attrs, alignment)));
  }

  // Write the sections back: append to those present, create the missing ones in schema order.
  const edits: Splice[] = [];
  const all: Section[] = [numFmts, fonts, fills, borders, styleXfs, cellXfs];
  for (const s of all) {
    const added = s.items.slice(s.existing);
    if (added.length === 0) continue;
    if (s.el) {
      const startTag = xml.slice(s.el.start, s.el.openEnd);
      if (s.el.selfClosing) {
        const open = withCount(startTag, s.items.length).replace(/\s*\/>$/, '>');
        edits.push({ at: s.el.start, remove: s.el.end - s.el.start, text: `${open}${added.join('')}</${s.el.name}>` });
      } else {
        edits.push({ at: s.el.start, remove: startTag.length, text: withCount(startTag, s.items.length) });
        edits.push({ at: s.el.closeStart, text: added.join('') });
      }
      continue;
    }
    const text = el(s.local, ` count="${s.items.length}"`, s.items.join(''));
    const before = SECTION_ORDER.slice(0, SECTION_ORDER.indexOf(s.local));
    const previous = root.children.filter((c) => c.uri === root.uri && before.includes(c.local)).pop();
    edits.push({ at: previous ? previous.end : root.openEnd, text });
  }
  let out: string;
  if (root.selfClosing && edits.length) {
    // `<styleSheet/>`: open it up first, then everything goes inside.
    const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, '>');
    const inner = edits.map((e) => e.text).join('');
    out = `${xml.slice(0, root.start)}${open}${inner}</${root.name}>${xml.slice(root.end)}`;
  } else {
    out = splice(xml, edits);
  }
  return { xml: out, index: (s) => indexes.get(styleKey(s)) ?? 0 };
}
