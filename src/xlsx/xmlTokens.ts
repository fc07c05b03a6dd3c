/**
 * A small, strict XML tokeniser for the parts of an `.xlsx` package: start and end tags with
 * their attributes, text with its entity and character references decoded, CDATA, comments
 * and processing instructions skipped. It checks what makes a document well-formed for our
 * reading — one root element, every tag closed in order, attributes quoted, once each and
 * without `<`, only the five predefined entities and valid character references, no
 * characters XML forbids, nothing but blanks outside the root — and refuses a document type
 * declaration (no package part has one; entity expansion is how XML bombs work).
 *
 * It is fed text piece by piece (`write`), keeping only an unfinished construct between
 * pieces, and is several times faster than a general SAX parser on spreadsheet XML because it
 * finds each construct's end with `indexOf` instead of a per-character state machine.
 */

export class XmlError extends Error {}

export interface XmlSink {
  /** A start tag (also for `<x/>`, followed by `close`), names without their prefix. */
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab, newline, return; U+FFFE, U+FFFF). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const BLANK = /^[ \t\r\n]*$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

const isBlank = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** A valid XML character's code point (refused: forbidden controls, surrogates, U+FFFE/U+FFFF, past U+10FFFF). */
function validChar(cp: number): boolean {
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Text with its references decoded; throws on an unknown entity or a bad character reference. */
function decode(raw: string): string {
  if (FORBIDDEN.test(raw)) throw new XmlError('forbidden character');
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlError('bad reference');
    const ref = raw.slice(amp + 1, semi);
    let value: string;
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError('bad character reference');
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!validChar(cp)) throw new XmlError('bad character reference');
      value = String.fromCodePoint(cp);
    } else {
      const p = PREDEFINED[ref];
      if (p === undefined) throw new XmlError('unknown entity');
      value = p;
    }
    out += raw.slice(from, amp) + value;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export class XmlTokenizer {
  private rest = '';
  /** Open elements (full names), innermost last. */
  private readonly stack: string[] = [];
  private rootSeen = false;
  private readonly emitText: boolean;

  constructor(private readonly sink: XmlSink) {
    this.emitText = sink.text !== undefined;
  }

  /** Tokenises `chunk` after what was left over; an unfinished construct waits for the next piece. */
  write(chunk: string): void {
    const s = this.rest ? this.rest + chunk : chunk;
    this.rest = s.slice(this.run(s, false));
  }

  /** The end of the document: everything must be finished and the root closed. */
  close(): void {
    const s = this.rest;
    this.rest = '';
    if (this.run(s, true) !== s.length || this.stack.length || !this.rootSeen) throw new XmlError('unexpected end');
  }

  /** Tokenises `s` from its start; returns how far it got (the start of an unfinished construct). */
  private run(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (!final) return i; // text is kept whole until its end is seen: a reference may be split
        this.textRun(s.slice(i));
        return n;
      }
      if (lt > i) this.textRun(s.slice(i, lt));
      i = lt;
      if (i + 1 >= n) return final ? this.fail('unexpected end') : i;
      const c = s.charCodeAt(i + 1);
      if (c === 47) {
        // </name>
        const gt = s.indexOf('>', i + 2);
        if (gt < 0) return final ? this.fail('unclosed end tag') : i;
        let end = gt;
        while (end > i + 2 && isBlank(s.charCodeAt(end - 1))) end--;
        const name = s.slice(i + 2, end);
        const open = this.stack.pop();
        if (open !== name) this.fail('mismatched end tag');
        this.sink.close?.(localName(name));
        i = gt + 1;
      } else if (c === 33) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …> (refused)
        if (s.startsWith('<!--', i)) {
          const end = s.indexOf('-->', i + 4);
          if (end < 0) return final ? this.fail('unclosed comment') : i;
          if (s.slice(i + 4, end).includes('--')) this.fail('-- in a comment');
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const end = s.indexOf(']]>', i + 9);
          if (end < 0) return final ? this.fail('unclosed CDATA') : i;
          if (!this.stack.length) this.fail('CDATA outside the root');
          const t = s.slice(i + 9, end);
          if (FORBIDDEN.test(t)) this.fail('forbidden character');
          if (this.emitText) this.sink.text!(t);
          i = end + 3;
        } else if (!final && n - i < 9 && ('<!--'.startsWith(s.slice(i)) || '<![CDATA['.startsWith(s.slice(i)))) {
          return i;
        } else {
          return this.fail('document type declarations are not read');
        }
      } else if (c === 63) {
        // <?target …?>
        const end = s.indexOf('?>', i + 2);
        if (end < 0) return final ? this.fail('unclosed processing instruction') : i;
        i = end + 2;
      } else {
        const gt = this.tagEnd(s, i + 1);
        if (gt < 0) return final ? this.fail('unclosed tag') : i;
        this.startTag(s, i + 1, gt);
        i = gt + 1;
      }
    }
    return n;
  }

  /** The index of the `>` ending the start tag from `from`, outside quoted values; -1 when not yet there. */
  private tagEnd(s: string, from: number): number {
    let quote = 0;
    for (let i = from, n = s.length; i < n; i++) {
      const c = s.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 62) return i;
      else if (c === 34 || c === 39) quote = c;
      else if (c === 60) this.fail('< in a tag');
    }
    return -1;
  }

  private startTag(s: string, from: number, gt: number): void {
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const end = selfClosing ? gt - 1 : gt;
    let i = from;
    if (!isNameStart(s.charCodeAt(i))) this.fail('bad tag name');
    while (i < end && isNameChar(s.charCodeAt(i))) i++;
    const name = s.slice(from, i);
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail('a second root element');
      this.rootSeen = true;
    }
    const attrs: Record<string, string> = {};
    while (i < end) {
      const c = s.charCodeAt(i);
      if (!isBlank(c)) this.fail('attributes must be separated by blanks');
      while (i < end && isBlank(s.charCodeAt(i))) i++;
      if (i >= end) break;
      const at = i;
      if (!isNameStart(s.charCodeAt(i))) this.fail('bad attribute name');
      while (i < end && isNameChar(s.charCodeAt(i))) i++;
      const attr = s.slice(at, i);
      while (i < end && isBlank(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 61) this.fail('attribute without a value');
      i++;
      while (i < end && isBlank(s.charCodeAt(i))) i++;
      const quote = s.charCodeAt(i);
      if (quote !== 34 && quote !== 39) this.fail('unquoted attribute value');
      // One pass over the value: its end, and whether it needs more than a slice.
      let close = i + 1;
      let plain = true;
      for (; close < end; close++) {
        const v = s.charCodeAt(close);
        if (v === quote) break;
        if (v === 60) this.fail('< in an attribute value');
        if (v === 38 || v < 32 || v >= 0xfffe) plain = false;
      }
      if (close >= end) this.fail('unclosed attribute value');
      if (attr in attrs) this.fail('attribute given twice');
      let raw = s.slice(i + 1, close);
      if (!plain) {
        // Attribute-value normalisation: a line end or tab written as such reads as a space.
        if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n|[\t\n\r]/g, ' ');
        raw = decode(raw);
      }
      attrs[attr] = raw;
      i = close + 1;
    }
    this.stack.push(name);
    const local = localName(name);
    this.sink.open(local, attrs);
    if (selfClosing) {
      this.stack.pop();
      this.sink.close?.(local);
    }
  }

  private textRun(raw: string): void {
    if (this.stack.length === 0) {
      if (!BLANK.test(raw)) this.fail('text outside the root element');
      return;
    }
    // One pass: most text needs nothing but handing on.
    let plain = true;
    for (let k = 0, n = raw.length; k < n; k++) {
      const c = raw.charCodeAt(k);
      if (c === 38 || c === 93 || c < 32 || c >= 0xfffe) {
        plain = false;
        break;
      }
    }
    if (plain) {
      if (this.emitText) this.sink.text!(raw);
      return;
    }
    if (raw.includes(']]>')) this.fail(']]> in text');
    // Line ends read as `\n` (a `\r` given as `&#13;` stays).
    const t = decode(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
    if (this.emitText) this.sink.text!(t);
  }

  private fail(why: string): never {
    throw new XmlError(why);
  }
}
