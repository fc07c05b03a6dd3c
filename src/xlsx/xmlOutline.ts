/**
 * The element outline of an XML part, parsed by a real parser (saxes, namespace-aware), with
 * the character offsets of every tag, so a part can be edited by splicing text in at exact
 * places: everything outside an edit stays as it was, byte for byte.
 *
 * saxes expands only the five predefined entities and character references; a document type
 * declaring its own entities is refused (no entity expansion attacks).
 */
import { SaxesParser, SaxesTagNS } from 'saxes';

export interface XmlAttribute {
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written (`x:sheet`). */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  /** Namespace declarations made on this element: prefix ('' for the default) → URI. */
  declares: Record<string, string>;
  parent: XmlElement | undefined;
  children: XmlElement[];
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after `>` of the start tag (equals `end` for `<a/>`). */
  openEnd: number;
  /** Offset of `</` of the end tag (equals `end` for `<a/>`). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  /** The text directly inside the element, entities resolved. */
  text: string;
}

export class XmlError extends Error {}

export function parseXmlOutline(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      declares: { ...(tag.ns ?? {}) },
      parent,
      children: [],
      start: tagStart,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
      text: '',
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    el.end = parser.position;
    el.closeStart = el.selfClosing ? el.end : xml.lastIndexOf('</', el.end - 1);
  });
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) throw new XmlError('a document type with its own declarations');
  });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw e instanceof XmlError ? e : new XmlError(e instanceof Error ? e.message : String(e));
  }
  if (failure) throw new XmlError(failure.message);
  if (!root) throw new XmlError('no root element');
  return root;
}

export function attr(el: XmlElement, local: string, uri = ''): string | undefined {
  return el.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local && c.uri === el.uri);
}

export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local && c.uri === el.uri);
}

/** The prefix bound to `uri` where `el` stands ('' for the default namespace), if any. */
export function prefixOf(el: XmlElement, uri: string): string | undefined {
  const shadowed = new Set<string>();
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    for (const [prefix, bound] of Object.entries(e.declares)) {
      if (shadowed.has(prefix)) continue;
      if (bound === uri) return prefix;
      shadowed.add(prefix);
    }
  }
  return undefined;
}

/** The qualified name of a new element in `parent`'s namespace, written the way `parent` is. */
export function qname(parent: XmlElement, local: string): string {
  return parent.prefix ? `${parent.prefix}:${local}` : local;
}

/** Characters XML 1.0 does not allow at all (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for an SpreadsheetML string (ST_Xstring): characters XML cannot carry are written as
 * Excel writes them, `_xHHHH_`, and a literal `_xHHHH_` in the text has its underscore escaped
 * (`_x005F_`) so it reads back as typed.
 */
export function xstring(text: string): string {
  const escaped = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(escaped);
}

export interface Splice {
  at: number;
  /** How many characters to replace (0 inserts). */
  remove?: number;
  text: string;
}

/**
 * Applies edits at offsets of the original text (non-overlapping). At one offset, insertions
 * come before a replacement, in the order given.
 */
export function splice(xml: string, edits: readonly Splice[]): string {
  const sorted = edits
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.at - b.at || Number(!!a.remove) - Number(!!b.remove) || a.i - b.i);
  let out = '';
  let from = 0;
  for (const e of sorted) {
    if (e.at < from) throw new Error('overlapping XML edits');
    out += xml.slice(from, e.at) + e.text;
    from = e.at + (e.remove ?? 0);
  }
  return out + xml.slice(from);
}

/** Decodes a part's bytes (UTF-8, or UTF-16 with its byte-order mark) and says how to encode it back. */
export function decodePart(bytes: Uint8Array): { text: string; encode: (text: string) => Buffer } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: b.subarray(2).toString('utf16le'), encode: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2)).swap16();
    return {
      text: swapped.toString('utf16le'),
      encode: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
    };
  }
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? b.subarray(3) : b);
  return { text, encode: (t) => Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(t, 'utf8')]) };
}
