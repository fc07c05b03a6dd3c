/**
 * The 项目编码 pattern of the rule profile in words, with an example of a valid code, so a message
 * never shows a regular expression (issue 9, item 8). The describer reads the simple patterns profiles
 * use — anchors, literal characters, `\d`, `\w`, `.`, character classes such as `[0-9A-Z]`, and the
 * quantifiers `{n}`, `{n,m}`, `?`, `+`, `*` — and derives the example from the pattern itself (checked
 * against it). A pattern beyond that subset is described generically, or by the description the
 * profile may carry.
 */

export interface CodePatternText {
  zh: string;
  en: string;
}

export interface CodePatternDescription {
  /** e.g. 8位数字、字母“P”、12位数字或大写字母（共21位） */
  zh: string;
  en: string;
  /** A code that matches the pattern, e.g. 12345678P0A1B2C3D4E5F6; undefined when none could be derived. */
  example: string | undefined;
}

type CharKind = 'digit' | 'upper' | 'lower' | 'other';

interface Atom {
  /** The characters it matches, by kind, or one literal character. */
  kinds: CharKind[];
  literal?: string;
  min: number;
  max: number;
}

const KIND_ZH: Record<CharKind, string> = { digit: '数字', upper: '大写字母', lower: '小写字母', other: '字符' };
const KIND_EN: Record<CharKind, [string, string]> = {
  digit: ['digit', 'digits'],
  upper: ['capital letter', 'capital letters'],
  lower: ['lower-case letter', 'lower-case letters'],
  other: ['character', 'characters'],
};
const SAMPLE: Record<CharKind, string> = { digit: '1234567890', upper: 'ABCDEFGHJK', lower: 'abcdefghjk', other: 'X' };

/** The kinds a class like `0-9A-Z` covers; undefined for what the describer does not read (negation, escapes). */
function classKinds(body: string): CharKind[] | undefined {
  if (body.startsWith('^')) return undefined;
  const kinds = new Set<CharKind>();
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\\') {
      const e = body[i + 1];
      if (e === 'd') kinds.add('digit');
      else return undefined;
      i += 2;
      continue;
    }
    const from = body[i];
    const to = body[i + 1] === '-' && i + 2 < body.length ? body[i + 2] : from;
    i += from === to ? 1 : 3;
    for (const [kind, lo, hi] of [['digit', '0', '9'], ['upper', 'A', 'Z'], ['lower', 'a', 'z']] as const) {
      if (from <= hi && to >= lo) kinds.add(kind);
    }
    if (!/[0-9A-Za-z]/.test(from) || !/[0-9A-Za-z]/.test(to)) kinds.add('other');
  }
  return kinds.size ? [...kinds].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)) : undefined;
}
const ORDER: CharKind[] = ['digit', 'upper', 'lower', 'other'];

/** The pattern as a sequence of atoms, or undefined when it uses more than the simple subset. */
function parse(pattern: string): Atom[] | undefined {
  let p = pattern;
  if (p.startsWith('^')) p = p.slice(1);
  if (p.endsWith('$') && !p.endsWith('\\$')) p = p.slice(0, -1);
  const atoms: Atom[] = [];
  let i = 0;
  while (i < p.length) {
    let atom: Atom;
    const c = p[i];
    if (c === '\\') {
      const e = p[i + 1];
      if (e === 'd') atom = { kinds: ['digit'], min: 1, max: 1 };
      else if (e === 'w') atom = { kinds: ['digit', 'upper', 'lower'], min: 1, max: 1 };
      else if (e !== undefined && /[^\w]/.test(e)) atom = { kinds: [], literal: e, min: 1, max: 1 };
      else return undefined;
      i += 2;
    } else if (c === '[') {
      const end = p.indexOf(']', i + 1);
      if (end < 0) return undefined;
      const kinds = classKinds(p.slice(i + 1, end));
      if (!kinds) return undefined;
      atom = { kinds, min: 1, max: 1 };
      i = end + 1;
    } else if (c === '.') {
      atom = { kinds: ['other'], min: 1, max: 1 };
      i += 1;
    } else if ('()|^$*+?{}'.includes(c)) {
      return undefined;
    } else {
      atom = { kinds: [], literal: c, min: 1, max: 1 };
      i += 1;
    }
    const q = /^(?:\{(\d+)(?:(,)(\d*))?\}|([?+*]))/.exec(p.slice(i));
    if (q) {
      i += q[0].length;
      if (q[4] === '?') [atom.min, atom.max] = [0, 1];
      else if (q[4] === '+') [atom.min, atom.max] = [1, Infinity];
      else if (q[4] === '*') [atom.min, atom.max] = [0, Infinity];
      else {
        atom.min = Number(q[1]);
        atom.max = q[2] ? (q[3] ? Number(q[3]) : Infinity) : atom.min;
      }
    }
    const last = atoms[atoms.length - 1];
    // `\d{6}\d{2}` reads as 8 digits.
    if (last && !last.literal && !atom.literal && last.kinds.join() === atom.kinds.join()) {
      last.min += atom.min;
      last.max += atom.max;
    } else atoms.push(atom);
  }
  return atoms.length ? atoms : undefined;
}

const countZh = (a: Atom) => (a.min === a.max ? `${a.min}位` : a.max === Infinity ? `至少${a.min}位` : `${a.min}至${a.max}位`);
const countEn = (a: Atom) => (a.min === a.max ? `${a.min}` : a.max === Infinity ? `at least ${a.min}` : `${a.min} to ${a.max}`);

function atomZh(a: Atom): string {
  if (a.literal !== undefined) {
    const what = /[A-Za-z]/.test(a.literal) ? `字母“${a.literal}”` : `“${a.literal}”`;
    return a.min === 1 && a.max === 1 ? what : `${countZh(a)}${what}`;
  }
  return `${countZh(a)}${a.kinds.map((k) => KIND_ZH[k]).join('或')}`;
}

function atomEn(a: Atom): string {
  const plural = !(a.min === 1 && a.max === 1);
  if (a.literal !== undefined) {
    const what = /[A-Za-z]/.test(a.literal) ? `the letter ${a.literal}` : `"${a.literal}"`;
    return plural ? `${countEn(a)} × ${what}` : what;
  }
  const names = a.kinds.map((k) => KIND_EN[k][plural ? 1 : 0]);
  const kinds = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return `${plural ? countEn(a) : 'one'} ${kinds}`;
}

/** An example matching the atoms: digits counting up, letters from A, classes of several kinds alternating. */
function exampleOf(atoms: Atom[]): string {
  let out = '';
  for (const a of atoms) {
    const n = a.min === 0 && a.max > 0 ? 1 : a.min;
    if (a.literal !== undefined) {
      out += a.literal.repeat(n);
      continue;
    }
    for (let i = 0; i < n; i++) {
      const kind = a.kinds[i % a.kinds.length];
      const sample = SAMPLE[kind];
      out += sample[Math.floor(i / a.kinds.length) % sample.length];
    }
  }
  return out;
}

/**
 * The pattern in words and an example. `description` is what a profile may carry for a pattern beyond
 * the simple subset (the words then come from it).
 */
export function describeCodePattern(pattern: string, description?: CodePatternText): CodePatternDescription {
  const atoms = parse(pattern);
  let example: string | undefined;
  if (atoms) {
    const candidate = exampleOf(atoms);
    try {
      if (new RegExp(pattern).test(candidate)) example = candidate;
    } catch {
      example = undefined;
    }
  }
  if (description) return { ...description, example };
  if (!atoms || example === undefined) {
    return { zh: '设置中规定的编码格式', en: 'the code format set in the settings', example };
  }
  const fixed = atoms.every((a) => a.min === a.max);
  const total = atoms.reduce((n, a) => n + a.min, 0);
  return {
    zh: `${atoms.map(atomZh).join('、')}${fixed && atoms.length > 1 ? `（共${total}位）` : ''}`,
    en: `${atoms.map(atomEn).join(', then ')}${fixed && atoms.length > 1 ? ` (${total} characters)` : ''}`,
    example,
  };
}

/** Why a pattern typed in the settings is not a usable regular expression, in both languages; undefined when it is. */
export function codePatternProblem(pattern: string): CodePatternText | undefined {
  if (pattern.trim() === '') return { zh: '请填写编码格式', en: 'Enter a code pattern' };
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    const raw = e instanceof Error ? e.message : '';
    if (/character class/i.test(raw)) return { zh: '方括号“[”没有对应的“]”', en: 'A "[" has no closing "]"' };
    if (/unterminated group|unmatched|\)/i.test(raw)) return { zh: '圆括号“(”和“)”不成对', en: 'The brackets "(" and ")" do not pair up' };
    if (/nothing to repeat/i.test(raw)) return { zh: '“*”“+”“?”或“{n}”前面缺少要重复的内容', en: '"*", "+", "?" or "{n}" follows nothing it could repeat' };
    if (/\\ at end/i.test(raw)) return { zh: '末尾的“\\”后面缺少字符', en: 'A "\\" at the end escapes nothing' };
    if (/numbers out of order|range out of order/i.test(raw)) return { zh: '“{m,n}”或“[a-b]”的范围前大后小', en: 'A range "{m,n}" or "[a-b]" runs backwards' };
    return { zh: '不是有效的编码格式（正则表达式写法有误）', en: 'Not a valid code pattern (the regular expression is malformed)' };
  }
}
