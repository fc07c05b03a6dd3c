/**
 * Code patterns (the profile's `codePattern`) that can never hang: a pattern is compiled from
 * the safe subset of JavaScript regular expressions into a Thompson automaton and matched by
 * simulating it, which takes time proportional to (text length × pattern size) whatever the
 * pattern — `(a+)+$` included. What the subset leaves out (back-references, look-around, word
 * boundaries, flags) is refused with a clear message in both languages, and so is a pattern
 * whose automaton would be too big. Within the subset the answers are exactly `RegExp.test`'s.
 */

/** Most automaton states a pattern may compile to (a real code pattern needs a few dozen). */
export const MAX_PATTERN_STATES = 2000;
/** Longest pattern text accepted. */
export const MAX_PATTERN_LENGTH = 500;

export interface SafePattern {
  readonly source: string;
  /** True when the pattern matches somewhere in `text`, as `new RegExp(source).test(text)`. */
  test(text: string): boolean;
}

export type SafePatternResult =
  | { ok: true; pattern: SafePattern }
  | { ok: false; message: string; message_en: string };

type CharTest = (code: number) => boolean;

type Ast =
  | { k: 'char'; test: CharTest }
  | { k: 'seq'; items: Ast[] }
  | { k: 'alt'; options: Ast[] }
  | { k: 'rep'; node: Ast; min: number; max: number }
  | { k: 'bol' }
  | { k: 'eol' };

class Refused extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

const CLASS_ESCAPES: Record<string, CharTest> = {
  d: isDigit, D: (c) => !isDigit(c), w: isWord, W: (c) => !isWord(c), s: isSpace, S: (c) => !isSpace(c),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Ast {
    const ast = this.alternation();
    if (this.i < this.src.length) throw this.unsupported(this.src[this.i]);
    return ast;
  }

  private unsupported(what: string): Refused {
    return new Refused(`不支持“${what}”（第 ${this.i + 1} 个字符）`, `"${what}" is not supported (character ${this.i + 1})`);
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Ast {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { k: 'alt', options };
  }

  private sequence(): Ast {
    const items: Ast[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return { k: 'seq', items };
  }

  private quantified(): Ast {
    const atom = this.atom();
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.src.slice(this.i));
        if (!m) throw this.unsupported('{');
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) throw new Refused(`重复次数 ${m[0]} 有误`, `the repetition ${m[0]} is invalid`);
        this.i += m[0].length - 1;
      } else return atom;
      if (atom.k === 'bol' || atom.k === 'eol') throw this.unsupported(c);
      this.i++;
      if (this.peek() === '?') this.i++; // lazy: the same answer for test()
      return { k: 'rep', node: atom, min, max };
    }
  }

  private atom(): Ast {
    const c = this.src[this.i++];
    switch (c) {
      case '^':
        return { k: 'bol' };
      case '$':
        return { k: 'eol' };
      case '.':
        return { k: 'char', test: (x) => !isLineEnd(x) };
      case '(': {
        if (this.peek() === '?') {
          if (this.src[this.i + 1] === ':') this.i += 2;
          else if (this.src[this.i + 1] === '<' && /^<[A-Za-z_$][\w$]*>/.test(this.src.slice(this.i + 1))) {
            this.i = this.src.indexOf('>', this.i) + 1;
          } else throw new Refused('不支持环视（?= ?! ?<= ?<!）', 'look-around ((?= (?! (?<= (?<!) is not supported');
        }
        const inner = this.alternation();
        if (this.src[this.i++] !== ')') throw new Refused('括号不配对', 'unbalanced parentheses');
        return inner;
      }
      case '[':
        return this.charClass();
      case '\\':
        return { k: 'char', test: this.escape() };
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case ']':
      case '}':
        this.i--;
        throw this.unsupported(c);
      default: {
        const code = c.charCodeAt(0);
        return { k: 'char', test: (x) => x === code };
      }
    }
  }

  /** After a backslash: the test for one character (a class escape or a literal). */
  private escape(): CharTest {
    const c = this.src[this.i++];
    if (c === undefined) throw new Refused('模式以“\\”结尾', 'the pattern ends with "\\"');
    if (c in CLASS_ESCAPES) return CLASS_ESCAPES[c];
    if (c in CONTROL_ESCAPES) {
      const code = CONTROL_ESCAPES[c];
      return (x) => x === code;
    }
    if (c === '0' && !isDigit(this.src.charCodeAt(this.i))) return (x) => x === 0;
    if (c === 'x' || c === 'u') {
      const n = c === 'x' ? 2 : 4;
      const hex = this.src.slice(this.i, this.i + n);
      if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(hex)) throw this.unsupported(`\\${c}`);
      this.i += n;
      const code = parseInt(hex, 16);
      return (x) => x === code;
    }
    if (/[A-Za-z0-9]/.test(c)) {
      if (/[1-9]/.test(c) || c === 'k') throw new Refused('不支持回溯引用（\\1、\\k<名称>）', 'back-references (\\1, \\k<name>) are not supported');
      if (c === 'b' || c === 'B') throw new Refused('不支持单词边界（\\b、\\B）', 'word boundaries (\\b, \\B) are not supported');
      this.i--;
      throw this.unsupported(`\\${c}`);
    }
    const code = c.charCodeAt(0);
    return (x) => x === code;
  }

  private charClass(): Ast {
    const negate = this.peek() === '^';
    if (negate) this.i++;
    const tests: CharTest[] = [];
    const ranges: [number, number][] = [];
    /** One class member: a character code, or a class escape's test. */
    const member = (): { code?: number; test?: CharTest } => {
      const c = this.src[this.i++];
      if (c === undefined) throw new Refused('方括号不配对', 'unbalanced brackets');
      if (c !== '\\') return { code: c.charCodeAt(0) };
      const e = this.src[this.i];
      if (e !== undefined && e in CLASS_ESCAPES) {
        this.i++;
        return { test: CLASS_ESCAPES[e] };
      }
      if (e !== undefined && e in CONTROL_ESCAPES) {
        this.i++;
        return { code: CONTROL_ESCAPES[e] };
      }
      if (e === 'b') {
        this.i++;
        return { code: 8 };
      }
      if (e === '0' && !isDigit(this.src.charCodeAt(this.i + 1))) {
        this.i++;
        return { code: 0 };
      }
      if (e === 'x' || e === 'u') {
        const n = e === 'x' ? 2 : 4;
        const hex = this.src.slice(this.i + 1, this.i + 1 + n);
        if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(hex)) throw this.unsupported(`\\${e}`);
        this.i += 1 + n;
        return { code: parseInt(hex, 16) };
      }
      if (e === undefined || /[A-Za-z0-9]/.test(e)) throw this.unsupported(`\\${e ?? ''}`);
      this.i++;
      return { code: e.charCodeAt(0) };
    };
    while (this.peek() !== ']') {
      if (this.i >= this.src.length) throw new Refused('方括号不配对', 'unbalanced brackets');
      const a = member();
      if (this.peek() === '-' && this.i + 1 < this.src.length && this.src[this.i + 1] !== ']') {
        this.i++;
        const b = member();
        if (a.code === undefined || b.code === undefined) throw new Refused('字符范围有误', 'invalid character range');
        ranges.push([a.code, b.code]);
      } else if (a.code !== undefined) ranges.push([a.code, a.code]);
      else tests.push(a.test!);
    }
    this.i++; // ]
    const inClass = (x: number) => ranges.some(([lo, hi]) => x >= lo && x <= hi) || tests.some((t) => t(x));
    return { k: 'char', test: negate ? (x) => !inClass(x) : inClass };
  }
}

/** Automaton states: a character step, a fork, an anchor, or the match. */
interface State {
  /** Its number, 0 to the automaton's state count − 1. */
  id: number;
  test?: CharTest;
  anchor?: 'bol' | 'eol';
  out?: State;
  out2?: State;
  match?: true;
}

interface Fragment {
  start: State;
  /** Sets where the fragment goes next. */
  ends: ((next: State) => void)[];
}

class Compiler {
  states = 0;

  private state(s: Omit<State, 'id'>): State {
    if (this.states + 1 > MAX_PATTERN_STATES) {
      throw new Refused(`模式太复杂（超过 ${MAX_PATTERN_STATES} 个状态）`, `the pattern is too complex (over ${MAX_PATTERN_STATES} states)`);
    }
    return { ...s, id: this.states++ };
  }

  /** The final state, which the limit does not count. */
  matchState(): State {
    return { match: true, id: this.states++ };
  }

  /** An empty step (a fork with one way), for empty sequences and joins. */
  private empty(): Fragment {
    const s = this.state({});
    return { start: s, ends: [(n) => (s.out = n)] };
  }

  compile(ast: Ast): Fragment {
    switch (ast.k) {
      case 'char': {
        const s = this.state({ test: ast.test });
        return { start: s, ends: [(n) => (s.out = n)] };
      }
      case 'bol':
      case 'eol': {
        const s = this.state({ anchor: ast.k });
        return { start: s, ends: [(n) => (s.out = n)] };
      }
      case 'seq': {
        if (ast.items.length === 0) return this.empty();
        const parts = ast.items.map((a) => this.compile(a));
        for (let i = 0; i + 1 < parts.length; i++) for (const end of parts[i].ends) end(parts[i + 1].start);
        return { start: parts[0].start, ends: parts[parts.length - 1].ends };
      }
      case 'alt': {
        const parts = ast.options.map((a) => this.compile(a));
        let start = parts[parts.length - 1].start;
        for (let i = parts.length - 2; i >= 0; i--) start = this.state({ out: parts[i].start, out2: start });
        return { start, ends: parts.flatMap((p) => p.ends) };
      }
      case 'rep': {
        const pieces: Fragment[] = [];
        for (let i = 0; i < ast.min; i++) pieces.push(this.compile(ast.node));
        if (ast.max === Infinity) {
          const body = this.compile(ast.node);
          const fork = this.state({ out: body.start });
          for (const end of body.ends) end(fork);
          pieces.push({ start: fork, ends: [(n) => (fork.out2 = n)] });
        } else {
          // Optional copies, nested: a?(a?(a?)) for {min,max}.
          const optional: Fragment[] = [];
          for (let i = ast.min; i < ast.max; i++) {
            const body = this.compile(ast.node);
            const fork = this.state({ out: body.start });
            optional.push({ start: fork, ends: [...body.ends, (n) => (fork.out2 = n)] });
          }
          pieces.push(...optional);
        }
        if (pieces.length === 0) return this.empty();
        for (let i = 0; i + 1 < pieces.length; i++) for (const end of pieces[i].ends) end(pieces[i + 1].start);
        return { start: pieces[0].start, ends: pieces[pieces.length - 1].ends };
      }
    }
  }
}

/**
 * Simulates the automaton on a text: every state set at once, no backtracking. States are
 * numbered, so the sets are two reused lists and a visit stamp per state: a match allocates
 * nothing (T002 matches every table's code). Matching never re-enters itself, so one scratch
 * space per pattern is safe.
 */
class Matcher {
  private readonly stamp: Int32Array;
  private generation = 0;
  /** Two state sets (one position's, the next one's) and the closure's stack. */
  private readonly sets: [State[], State[]];
  private readonly stack: State[];

  constructor(private readonly start: State, states: number) {
    this.stamp = new Int32Array(states);
    this.sets = [new Array<State>(states), new Array<State>(states)];
    this.stack = new Array<State>(2 * states + 1);
  }

  /** A fresh visit mark: states stamped with an older one count as unseen. */
  private newGeneration(): number {
    if (this.generation === 0x3fffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  /**
   * Adds `s` and every state reachable from it without a character, at position `pos` of a text
   * of `n` characters, to the first `size` states of `set`; returns the new size.
   */
  private add(set: State[], size: number, s: State | undefined, generation: number, pos: number, n: number): number {
    const stack = this.stack;
    let top = 0;
    if (s) stack[top++] = s;
    while (top > 0) {
      const x = stack[--top];
      if (this.stamp[x.id] === generation) continue;
      this.stamp[x.id] = generation;
      if (x.anchor === 'bol') {
        if (pos === 0 && x.out) stack[top++] = x.out;
      } else if (x.anchor === 'eol') {
        if (pos === n && x.out) stack[top++] = x.out;
      } else if (x.test || x.match) set[size++] = x;
      else {
        if (x.out2) stack[top++] = x.out2;
        if (x.out) stack[top++] = x.out;
      }
    }
    return size;
  }

  test(text: string): boolean {
    const n = text.length;
    let [current, next] = this.sets;
    let count = 0;
    let generation = this.newGeneration();
    for (let pos = 0; ; pos++) {
      count = this.add(current, count, this.start, generation, pos, n); // the search may start at any position
      for (let i = 0; i < count; i++) if (current[i].match) return true;
      if (pos === n) return false;
      const code = text.charCodeAt(pos);
      generation = this.newGeneration();
      let nextCount = 0;
      for (let i = 0; i < count; i++) {
        const s = current[i];
        if (s.test && s.test(code)) nextCount = this.add(next, nextCount, s.out, generation, pos + 1, n);
      }
      [current, next] = [next, current];
      count = nextCount;
    }
  }
}

const compiled = new Map<string, SafePatternResult>();

/** Compiles `source` if it is in the safe subset; the result is cached per source text. */
export function compileSafePattern(source: string): SafePatternResult {
  const cached = compiled.get(source);
  if (cached) return cached;
  let result: SafePatternResult;
  try {
    if (source.length > MAX_PATTERN_LENGTH) {
      throw new Refused(`模式太长（超过 ${MAX_PATTERN_LENGTH} 个字符）`, `the pattern is too long (over ${MAX_PATTERN_LENGTH} characters)`);
    }
    // Anything JavaScript itself rejects is refused first, with the same verdict.
    new RegExp(source);
    const compiler = new Compiler();
    const fragment = compiler.compile(new Parser(source).parse());
    const match = compiler.matchState();
    for (const end of fragment.ends) end(match);
    const start = fragment.start;
    const matcher = new Matcher(start, compiler.states);
    result = { ok: true, pattern: { source, test: (text) => matcher.test(text) } };
  } catch (e) {
    const zh = e instanceof Refused ? e.zh : '不是有效的正则表达式';
    const en = e instanceof Refused ? e.en : 'not a valid regular expression';
    result = {
      ok: false,
      message: `编码规则 codePattern 无法使用：${zh}。请只用字符、[字符类]、\\d \\w \\s、分组、|、^ $ 和 * + ? {n,m}`,
      message_en: `codePattern cannot be used: ${en}. Use characters, [classes], \\d \\w \\s, groups, |, ^ $ and * + ? {n,m} only`,
    };
  }
  if (compiled.size > 100) compiled.clear();
  compiled.set(source, result);
  return result;
}
