/**
 * The .docx adapter, reading side: a Word document's body (fflate unzips, saxes parses — no
 * regular expressions over XML) becomes the core's blocks — paragraphs, and tables as grids
 * with their merged cells (`w:gridSpan` across, `w:vMerge` down). The core does the reading.
 *
 * saxes expands only XML's five predefined entities and character references; a document type
 * declaration is refused outright (Word never writes one), so no entity is ever declared or expanded.
 */
import { unzipSync } from 'fflate';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { CellRange, CellValue, Grid } from '../core/grid';
import { DocBlock } from '../core/publishedDocument';

/** Why a file is not a readable .docx; the CLI and the pane word each reason in both languages. */
export type DocxProblem = 'doc' | 'encrypted' | 'notDocx' | 'noDocument';

export class DocxError extends Error {
  constructor(readonly problem: DocxProblem, detail = '') {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

/** An XML element (qualified name as written, e.g. `w:p`) or a run of character data (`tag` '#text'). */
export interface XNode {
  tag: string;
  attrs: Readonly<Record<string, string>>;
  kids: XNode[];
  text: string;
}

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});
const EMPTY: XNode = { tag: '', attrs: NO_ATTRS, kids: [], text: '' };

/**
 * The document's elements in order with their text (comments and processing instructions dropped,
 * CDATA as text, whitespace kept). Throws on malformed XML and on any document type declaration.
 */
export function parseXml(xml: string): XNode {
  const root: XNode = { tag: '#document', attrs: NO_ATTRS, kids: [], text: '' };
  const stack: XNode[] = [root];
  const addText = (text: string) => {
    const top = stack[stack.length - 1];
    if (stack.length === 1 || text === '') return; // outside the root element: whitespace only
    const last = top.kids[top.kids.length - 1];
    if (last?.tag === '#text') last.text += text;
    else top.kids.push({ tag: '#text', attrs: NO_ATTRS, kids: [], text });
  };
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw new Error('a document type declaration is not allowed');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const node: XNode = { tag: tag.name, attrs: tag.attributes, kids: [], text: '' };
    stack[stack.length - 1].kids.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  return root;
}

const tagOf = (node: XNode): string => node.tag;
const kids = (node: XNode): XNode[] => node.kids;
const attr = (node: XNode, name: string): string | undefined => node.attrs[name];
const child = (node: XNode, tag: string): XNode | undefined => node.kids.find((k) => k.tag === tag);

/** Parts of a run that are not its text (drawings and text boxes repeat text kept elsewhere). */
const SKIP = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:delText', 'w:instrText', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:object', 'w:footnoteReference', 'w:commentReference']);

function textOf(node: XNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return node.text;
  if (SKIP.has(tag)) return '';
  if (tag === 'w:tab' || tag === 'w:ptab') return '\t';
  if (tag === 'w:br' || tag === 'w:cr') return '\n';
  if (tag === 'w:noBreakHyphen') return '-';
  if (tag === 'w:p') return kids(node).map(textOf).join('');
  if (tag === 'w:tbl') return kids(node).filter((k) => tagOf(k) === 'w:tr').map(textOf).join('\n');
  if (tag === 'w:tr') return kids(node).filter((k) => tagOf(k) === 'w:tc').map(textOf).join('\t');
  if (tag === 'w:tc') return cellText(node);
  return kids(node).map(textOf).join('');
}

/** A cell's paragraphs, one a line (nested tables flattened to their text). */
function cellText(tc: XNode): string {
  return kids(tc)
    .filter((k) => tagOf(k) !== 'w:tcPr')
    .map(textOf)
    .join('\n');
}

const intAttr = (node: XNode | undefined, fallback: number) => {
  const v = node ? Number(attr(node, 'w:val')) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

/** A Word table as a grid: each cell's text at its first grid column, spans and vertical merges as merged areas. */
export function tableGrid(tbl: XNode): Grid {
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  /** The vertical merge still open in each grid column. */
  const openDown = new Map<number, CellRange>();
  for (const tr of kids(tbl).filter((k) => tagOf(k) === 'w:tr')) {
    const r = values.length;
    const row: CellValue[] = [];
    let col = intAttr(child(child(tr, 'w:trPr') ?? EMPTY, 'w:gridBefore'), 0);
    const touched = new Set<number>();
    for (const tc of kids(tr).filter((k) => tagOf(k) === 'w:tc' || tagOf(k) === 'w:sdt')) {
      const cell = tagOf(tc) === 'w:sdt' ? child(child(tc, 'w:sdtContent') ?? EMPTY, 'w:tc') : tc;
      if (!cell) continue;
      const pr = child(cell, 'w:tcPr');
      const span = intAttr(pr && child(pr, 'w:gridSpan'), 1);
      const vMerge = pr && child(pr, 'w:vMerge');
      const vVal = vMerge ? attr(vMerge, 'w:val') ?? 'continue' : undefined;
      const text = cellText(cell);
      while (row.length < col) row.push(null);
      const above = openDown.get(col);
      if (vVal === 'continue' && above && above.right === col + span - 1) {
        above.bottom = r;
        for (let i = 0; i < span; i++) row.push(null);
      } else {
        row.push(text.trim() === '' ? null : text);
        for (let i = 1; i < span; i++) row.push(null);
        const area = { top: r, left: col, bottom: r, right: col + span - 1 };
        merges.push(area);
        if (vVal === 'restart') openDown.set(col, area);
        else openDown.delete(col);
      }
      touched.add(col);
      col += span;
    }
    for (const c of [...openDown.keys()]) if (!touched.has(c)) openDown.delete(c);
    values.push(row);
  }
  return { values, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

function bodyBlocks(nodes: readonly XNode[], out: DocBlock[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p') out.push({ kind: 'paragraph', text: textOf(node) });
    else if (tag === 'w:tbl') out.push({ kind: 'table', grid: tableGrid(node) });
    else if (tag === 'w:sdt') bodyBlocks(kids(child(node, 'w:sdtContent') ?? EMPTY), out);
    else if (tag === 'w:customXml' || tag === 'w:ins') bodyBlocks(kids(node), out);
  }
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

/** An OLE compound file: a password-protected .docx (its `EncryptedPackage` stream) or a Word 97–2003 .doc. */
function oleProblem(bytes: Uint8Array): DocxProblem {
  const name = 'EncryptedPackage';
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j * 2] !== name.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    return 'encrypted';
  }
  return 'doc';
}

/** DEFLATE makes at most about 1032 bytes of one: a larger size in the zip's directory is not a real file's. */
const MAX_DEFLATE_RATIO = 1032;
const MAIN = 'word/document.xml';

/**
 * The main document part's bytes, or undefined when the package has none. Only that part is
 * inflated, and only when the size the zip gives it can be real (fflate takes that room first);
 * a part that inflates to another size is a damaged zip.
 */
function mainPart(bytes: Uint8Array): Uint8Array | undefined {
  let declared = -1;
  const files = unzipSync(bytes, {
    filter: ({ name, size, originalSize }) => {
      if (name !== MAIN) return false;
      if (size > bytes.length || originalSize > Math.max(size, 1) * MAX_DEFLATE_RATIO) throw new Error(`${MAIN} is not the size the zip gives it`);
      declared = originalSize;
      return true;
    },
  });
  const main = files[MAIN];
  if (main && main.length !== declared) throw new Error(`${MAIN} is not the size the zip gives it`);
  return main;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The blocks of a .docx file's main document; throws `DocxError` for anything that is not one. */
export async function readDocxBlocks(bytes: Uint8Array): Promise<DocBlock[]> {
  if (startsWith(bytes, OLE)) throw new DocxError(oleProblem(bytes));
  if (!startsWith(bytes, ZIP)) throw new DocxError('notDocx');
  let main: Uint8Array | undefined;
  try {
    main = mainPart(bytes);
  } catch (e) {
    throw new DocxError('notDocx', message(e));
  }
  if (!main) throw new DocxError('noDocument');
  let tree: XNode;
  try {
    tree = parseXml(new TextDecoder().decode(main));
  } catch (e) {
    throw new DocxError('notDocx', message(e));
  }
  const doc = child(tree, 'w:document');
  const body = doc && child(doc, 'w:body');
  if (!body) throw new DocxError('noDocument');
  const blocks: DocBlock[] = [];
  bodyBlocks(kids(body), blocks);
  return blocks;
}
