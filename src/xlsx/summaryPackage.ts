/**
 * Writes a summary sheet into a copy of a workbook by adding one sheet part to the original
 * package, not by re-serialising the workbook: every part we do not have to touch (sheets,
 * charts, chart sheets, pivot tables, macros, comments, drawings, custom XML, parts we have
 * never heard of) is copied as it was — the zip entry's compressed bytes are passed through.
 *
 * Touched, and why:
 * - the new sheet part (`xl/worksheets/sheetN.xml`), or our own summary sheet's part when it
 *   is regenerated in place;
 * - `xl/workbook.xml`: the new `<sheet>` entry and the `BudgetTargetsSummary` defined name
 *   (spliced in at positions found by an XML parser; the rest of the text is unchanged);
 * - `xl/_rels/workbook.xml.rels`: the new sheet's relationship;
 * - `[Content_Types].xml`: the new part's content type (the workbook's own, e.g. `.xlsm`'s
 *   macro-enabled type, stays);
 * - `xl/styles.xml`: the few cell formats the summary uses, appended (created, with its
 *   relationship and content type, when the workbook has none);
 * - `xl/calcChain.xml`, only when our regenerated sheet is listed in it: removed with its
 *   relationship and content type (a calculation chain naming cells that no longer hold
 *   formulas makes Excel repair the file; Excel rebuilds the chain itself).
 * When our sheet is regenerated in place, workbook.xml, its relationships and the content
 * types are not touched at all. `docProps/app.xml` (a cached list of sheet titles that Excel
 * rewrites on every save) is left as it was.
 */
import JSZip from 'jszip';
import path from 'path';
import { SheetWrite } from '../core/sheet';
import { quoteSheetName } from '../core/sheetNames';
import { SUMMARY_MARK } from '../core/summary';
import { sheetXml } from './sheetXml';
import { EMPTY_STYLESHEET, addCellStyles } from './stylesPart';
import {
  XmlElement, attr, child, childrenNamed, decodePart, escapeAttr, escapeText, parseXmlOutline, prefixOf, qname, splice, Splice,
} from './xmlOutline';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** What a part we read may inflate to at most: far beyond any real workbook's workbook.xml or styles. */
export const PART_LIMIT = 200 * 1024 * 1024;

/** Why a package cannot take the summary, in both languages. */
export class PackageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} (${en})`);
  }
}

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface PackageSheet {
  name: string;
  kind: SheetKind;
  /** The zip entry of the sheet's part, if it has one. */
  part: string | undefined;
  /** True when other parts hang off the sheet (comments, drawings, tables…: a `_rels` part). */
  hasRelationships: boolean;
}

interface Relationship {
  el: XmlElement;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

interface XmlPart {
  entry: string;
  xml: string;
  root: XmlElement;
  encode: (text: string) => Buffer;
}

export interface WorkbookPackage {
  sheets: PackageSheet[];
  /** The sheet the `BudgetTargetsSummary` defined name points at, if that sheet exists. */
  markedSheet: string | undefined;
  /** @internal */
  readonly zip: JSZip;
  /** @internal */
  readonly entries: Map<string, string>;
  /** @internal */
  readonly workbook: XmlPart;
  /** @internal */
  readonly rels: XmlPart;
  /** @internal */
  readonly relationships: Relationship[];
}

const corrupt = (what: string, en: string) => new PackageError(`文件已损坏：${what}`, `damaged file: ${en}`);

/** Reads a part, stopping as soon as it inflates past `limit` (a zip bomb never fills memory). */
export function readPart(file: JSZip.JSZipObject, limit = PART_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        reject(new PackageError(`文件中的 ${file.name} 过大（超过 ${limit / 1024 / 1024} MB）`, `${file.name} is too large`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (e) => reject(corrupt(`无法解压 ${file.name}`, `cannot inflate ${file.name} (${e instanceof Error ? e.message : String(e)})`)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The zip entry for a part name, matched without regard to case as OPC does. */
function entryFor(entries: Map<string, string>, part: string): string | undefined {
  return entries.get(part.replace(/^\/+/, '').toLowerCase());
}

async function readXml(zip: JSZip, entries: Map<string, string>, part: string): Promise<XmlPart | undefined> {
  const entry = entryFor(entries, part);
  if (entry === undefined) return undefined;
  let decoded: ReturnType<typeof decodePart>;
  try {
    decoded = decodePart(await readPart(zip.files[entry]));
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw corrupt(`${entry} 不是有效的文本`, `${entry} is not valid text`);
  }
  try {
    return { entry, xml: decoded.text, root: parseXmlOutline(decoded.text), encode: decoded.encode };
  } catch (e) {
    throw corrupt(`${entry} 不是有效的 XML`, `${entry} is not well-formed XML (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The `_rels` part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

/** A relationship's target as a part name (no leading slash), resolved against its source part. */
function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const full = t.startsWith('/') ? t : path.posix.join(path.posix.dirname(source), t);
  return path.posix.normalize(full).replace(/^\/+/, '');
}

function relationshipsOf(part: XmlPart | undefined): Relationship[] {
  if (!part) return [];
  return childrenNamed(part.root, 'Relationship').map((el) => ({
    el,
    id: attr(el, 'Id') ?? '',
    type: attr(el, 'Type') ?? '',
    target: attr(el, 'Target') ?? '',
    external: attr(el, 'TargetMode') === 'External',
  }));
}

const typeIs = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

function kindOf(rel: Relationship | undefined): SheetKind {
  if (!rel) return 'other';
  for (const kind of ['worksheet', 'chartsheet', 'dialogsheet'] as const) if (typeIs(rel, kind)) return kind;
  if (typeIs(rel, 'xlMacrosheet') || typeIs(rel, 'xlIntlMacrosheet')) return 'macrosheet';
  return 'other';
}

/** The sheet name of a defined name's text when it is exactly `Sheet!$A$1` (quoted or not), else undefined. */
export function markTarget(text: string): string | undefined {
  const m = /^\s*(?:'((?:[^']|'')+)'|([^'!]+))!\$?A\$?1\s*$/i.exec(text);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

function relIdAttr(sheet: XmlElement): XmlElement['attributes'][number] | undefined {
  return sheet.attributes.find((a) => a.local === 'id' && (a.uri === REL_NS || a.uri === STRICT_REL_NS));
}

/** Opens a workbook package: its sheets (every kind, as workbook.xml lists them) and the summary mark. */
export async function openWorkbookPackage(bytes: Buffer | Uint8Array): Promise<WorkbookPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new PackageError('不是有效的 .xlsx 工作簿（无法读取 zip 目录）', 'not an .xlsx workbook (unreadable zip directory)');
  }
  const entries = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) entries.set(name.toLowerCase(), name);

  const rootRels = relationshipsOf(await readXml(zip, entries, '_rels/.rels'));
  const officeDocument = rootRels.find((r) => typeIs(r, 'officeDocument') && !r.external);
  const workbookPart = officeDocument ? resolveTarget('', officeDocument.target) : 'xl/workbook.xml';
  const workbook = await readXml(zip, entries, workbookPart);
  if (!workbook || workbook.root.local !== 'workbook') throw corrupt('找不到 workbook.xml', 'no workbook part');
  const rels = await readXml(zip, entries, relsPartOf(workbook.entry));
  if (!rels || rels.root.local !== 'Relationships' || rels.root.uri !== PACKAGE_REL_NS) {
    throw corrupt('找不到工作簿的关系部件（workbook.xml.rels）', 'no workbook relationships part');
  }
  const relationships = relationshipsOf(rels);
  const sheetsEl = child(workbook.root, 'sheets');
  if (!sheetsEl) throw corrupt('workbook.xml 中没有工作表列表', 'workbook.xml lists no sheets');

  const sheets = childrenNamed(sheetsEl, 'sheet').map((el): PackageSheet => {
    const rel = relationships.find((r) => r.id === relIdAttr(el)?.value && !r.external);
    const part = rel ? entryFor(entries, resolveTarget(workbook.entry, rel.target)) : undefined;
    return {
      name: attr(el, 'name') ?? '',
      kind: kindOf(rel),
      part,
      hasRelationships: part !== undefined && entryFor(entries, relsPartOf(part)) !== undefined,
    };
  });

  const markEl = markElement(workbook.root);
  const target = markEl ? markTarget(markEl.text) : undefined;
  const marked = target === undefined ? undefined : sheets.find((s) => s.name.toLowerCase() === target.toLowerCase());
  return { sheets, markedSheet: marked?.name, zip, entries, workbook, rels, relationships };
}

/** The workbook-wide `BudgetTargetsSummary` defined name (a sheet-local one of that name is not ours). */
function markElement(workbook: XmlElement): XmlElement | undefined {
  const names = child(workbook, 'definedNames');
  return names && childrenNamed(names, 'definedName').find((d) => attr(d, 'name') === SUMMARY_MARK.key && attr(d, 'localSheetId') === undefined);
}

/** A relationship id not yet used: `rId<n>` one past the highest. */
function freeRelId(relationships: readonly Relationship[]): string {
  const used = new Set(relationships.map((r) => r.id));
  let n = relationships.reduce((max, r) => Math.max(max, /^rId(\d+)$/.exec(r.id) ? Number(r.id.slice(3)) : 0), 0) + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** An element `<name …/>` placed as the last child of `parent` (opening up `<parent/>` when needed). */
function appendChild(xml: string, parent: XmlElement, text: string): Splice {
  if (!parent.selfClosing) return { at: parent.closeStart, text };
  const open = xml.slice(parent.start, parent.end).replace(/\s*\/>$/, '>');
  return { at: parent.start, remove: parent.end - parent.start, text: `${open}${text}</${parent.name}>` };
}

function relationshipXml(rels: XmlPart, id: string, type: string, target: string): string {
  return `<${qname(rels.root, 'Relationship')} Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
}

/** A relationship target from the workbook part to `part` (relative, as Excel writes them). */
function relativeTarget(from: string, part: string): string {
  return path.posix.relative(path.posix.dirname(from), part);
}

export interface SummaryPackageOptions {
  /** The sheet to write. */
  sheet: SheetWrite;
  /** Its name: a new sheet's (free among `sheets`), or our own summary sheet's when `replace`. */
  name: string;
  /** Regenerate our own summary sheet `name` in place (its part is rewritten, nothing else of it kept). */
  replace: boolean;
  /** Time stamped on the entries written (the untouched ones keep theirs). */
  date?: Date;
}

/**
 * Writes the summary sheet into the package and returns the new file's bytes. A sheet is
 * replaced only when the caller says so and it is a worksheet with nothing hanging off it.
 */
export async function writeSummaryPackage(pkg: WorkbookPackage, options: SummaryPackageOptions): Promise<Buffer> {
  const { zip, entries, workbook, rels } = pkg;
  const date = options.date ?? new Date();
  // New relationships speak the workbook's dialect (transitional or strict).
  const relNs = childrenNamed(child(workbook.root, 'sheets')!, 'sheet').map(relIdAttr).find((a) => a)?.uri ?? REL_NS;
  const relTypeBase = relNs === STRICT_REL_NS ? STRICT_REL_NS : REL_NS;
  const write = (entry: string, content: string | Buffer) =>
    zip.file(entry, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, { date, binary: true, createFolders: false });

  const types = await readXml(zip, entries, '[Content_Types].xml');
  if (!types || types.root.local !== 'Types' || types.root.uri !== TYPES_NS) throw corrupt('缺少 [Content_Types].xml', 'no content types part');
  const typeEdits: Splice[] = [];
  const relEdits: Splice[] = [];
  const relationships = [...pkg.relationships];
  const override = (part: string, type: string) =>
    typeEdits.push(appendChild(types.xml, types.root, `<${qname(types.root, 'Override')} PartName="/${escapeAttr(part)}" ContentType="${type}"/>`));
  const addRelationship = (type: string, part: string): void => {
    const id = freeRelId(relationships);
    relationships.push({ el: rels.root, id, type, target: part, external: false });
    relEdits.push(appendChild(rels.xml, rels.root, relationshipXml(rels, id, type, relativeTarget(workbook.entry, part))));
  };
  const taken = (part: string) =>
    entryFor(entries, part) !== undefined ||
    childrenNamed(types.root, 'Override').some((o) => (attr(o, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase());
  const wbDir = path.posix.dirname(workbook.entry) === '.' ? '' : `${path.posix.dirname(workbook.entry)}/`;

  // Styles: appended to the workbook's styles part, or a part made for them.
  const layout = sheetXml(options.sheet);
  const stylesRel = pkg.relationships.find((r) => typeIs(r, 'styles') && !r.external);
  const stylesPart = stylesRel ? await readXml(zip, entries, resolveTarget(workbook.entry, stylesRel.target)) : undefined;
  let stylesEntry = stylesPart?.entry;
  if (!stylesEntry) {
    let n = 1;
    stylesEntry = `${wbDir}styles.xml`;
    while (taken(stylesEntry)) stylesEntry = `${wbDir}styles${++n}.xml`;
    if (!stylesRel) addRelationship(`${relTypeBase}/styles`, stylesEntry);
    override(stylesEntry, STYLES_TYPE);
  }
  let styles: ReturnType<typeof addCellStyles>;
  try {
    styles = addCellStyles(stylesPart?.xml ?? EMPTY_STYLESHEET, layout.styles);
  } catch (e) {
    throw corrupt(`${stylesEntry} 不是样式表`, `${stylesEntry} is not a stylesheet (${e instanceof Error ? e.message : String(e)})`);
  }
  const sheetText = layout.render(styles.index);
  if (styles.xml !== stylesPart?.xml) write(stylesEntry, stylesPart ? stylesPart.encode(styles.xml) : styles.xml);

  const wbEdits: Splice[] = [];
  if (options.replace) {
    const own = pkg.sheets.find((s) => s.name === options.name);
    if (!own || own.kind !== 'worksheet' || !own.part || own.hasRelationships) {
      throw new PackageError(`不能重写工作表“${options.name}”`, `sheet ${options.name} cannot be regenerated`);
    }
    write(own.part, sheetText);
    await dropCalcChainFor(pkg, own, types, typeEdits, relEdits);
  } else {
    const sheetsEl = child(workbook.root, 'sheets')!;
    const sheetEls = childrenNamed(sheetsEl, 'sheet');
    if (sheetEls.some((s) => (attr(s, 'name') ?? '').toLowerCase() === options.name.toLowerCase())) {
      throw new PackageError(`工作表“${options.name}”已存在`, `a sheet named ${options.name} exists`);
    }
    let n = sheetEls.length + 1;
    while (taken(`${wbDir}worksheets/sheet${n}.xml`)) n++;
    const part = `${wbDir}worksheets/sheet${n}.xml`;
    const sheetId = sheetEls.reduce((max, s) => Math.max(max, Number(attr(s, 'sheetId')) || 0), 0) + 1;
    const id = freeRelId(relationships);
    relationships.push({ el: rels.root, id, type: '', target: part, external: false });
    relEdits.push(appendChild(rels.xml, rels.root, relationshipXml(rels, id, `${relTypeBase}/worksheet`, relativeTarget(workbook.entry, part))));
    override(part, WORKSHEET_TYPE);

    // r:id with the prefix the workbook binds to the relationships namespace, or one declared here.
    const bound = prefixOf(sheetsEl, relNs);
    const idAttr = bound ? `${bound}:id="${id}"` : `xmlns:r="${relNs}" r:id="${id}"`;
    wbEdits.push(appendChild(workbook.xml, sheetsEl, `<${qname(sheetsEl, 'sheet')} name="${escapeAttr(options.name)}" sheetId="${sheetId}" ${idAttr}/>`));
    write(part, sheetText);
    markSheet(workbook, options.name, wbEdits);
  }

  if (wbEdits.length) write(workbook.entry, workbook.encode(splice(workbook.xml, wbEdits)));
  if (relEdits.length) write(rels.entry, rels.encode(splice(rels.xml, relEdits)));
  if (typeEdits.length) write(types.entry, types.encode(splice(types.xml, typeEdits)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Points the `BudgetTargetsSummary` defined name at `sheet`!$A$1, adding it (and `<definedNames>`) where missing. */
function markSheet(workbook: XmlPart, sheet: string, edits: Splice[]): void {
  const value = escapeText(`${quoteSheetName(sheet)}!$A$1`);
  const existing = markElement(workbook.root);
  if (existing) {
    if (existing.selfClosing) {
      const open = workbook.xml.slice(existing.start, existing.end).replace(/\s*\/>$/, '>');
      edits.push({ at: existing.start, remove: existing.end - existing.start, text: `${open}${value}</${existing.name}>` });
    } else {
      edits.push({ at: existing.openEnd, remove: existing.closeStart - existing.openEnd, text: value });
    }
    return;
  }
  const root = workbook.root;
  const nameXml = `<${qname(root, 'definedName')} name="${SUMMARY_MARK.key}">${value}</${qname(root, 'definedName')}>`;
  const names = child(root, 'definedNames');
  if (names) {
    edits.push(appendChild(workbook.xml, names, nameXml));
    return;
  }
  // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
  const before = root.children.filter((c) => c.uri === root.uri && ['sheets', 'functionGroups', 'externalReferences'].includes(c.local)).pop()!;
  edits.push({ at: before.end, text: `<${qname(root, 'definedNames')}>${nameXml}</${qname(root, 'definedNames')}>` });
}

/**
 * When the calculation chain lists cells of the sheet being regenerated, the chain goes: it
 * would name cells that no longer hold formulas, and Excel rebuilds it on its own.
 */
async function dropCalcChainFor(pkg: WorkbookPackage, sheet: PackageSheet, types: XmlPart, typeEdits: Splice[], relEdits: Splice[]): Promise<void> {
  const rel = pkg.relationships.find((r) => typeIs(r, 'calcChain') && !r.external);
  if (!rel) return;
  const chain = await readXml(pkg.zip, pkg.entries, resolveTarget(pkg.workbook.entry, rel.target));
  const sheetEl = childrenNamed(child(pkg.workbook.root, 'sheets')!, 'sheet').find((s) => attr(s, 'name') === sheet.name);
  const sheetId = sheetEl && attr(sheetEl, 'sheetId');
  if (!chain || sheetId === undefined) return;
  // A cell without `i` is on the sheet of the cell before it.
  let current: string | undefined;
  if (!childrenNamed(chain.root, 'c').some((c) => (current = attr(c, 'i') ?? current) === sheetId)) return;
  pkg.zip.remove(chain.entry);
  relEdits.push({ at: rel.el.start, remove: rel.el.end - rel.el.start, text: '' });
  const partName = `/${chain.entry}`.toLowerCase();
  for (const o of childrenNamed(types.root, 'Override')) {
    if ((attr(o, 'PartName') ?? '').toLowerCase() === partName) typeEdits.push({ at: o.start, remove: o.end - o.start, text: '' });
  }
}
