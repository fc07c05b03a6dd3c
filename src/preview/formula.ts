/**
 * A small Excel formula engine for the preview host: enough to compute what the add-in
 * writes (cell references across sheets, SUM of a range, ROUND, arithmetic, comparison, &;
 * AND, ISNUMBER and N for the conditional formats of a target table) and to keep references right when sheets are renamed or deleted and rows are inserted or
 * deleted, as Excel does. Unknown functions and names evaluate to `#NAME?`; syntax it cannot
 * read (array constants, structured or whole-column references) is refused like a broken formula.
 */
import { CellValue, columnName, parseA1 } from '../core/grid';
import { decimalFromNumber, roundHalfAway, Decimal } from '../core/money';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** An error value such as `#REF!`; the API shows it as its code. */
export class FormulaError {
  constructor(readonly code: string) {}
}

export type Scalar = CellValue | FormulaError;

export class FormulaSyntaxError extends Error {}

interface CellRef {
  row: number;
  col: number;
  absRow: boolean;
  absCol: boolean;
}

/** `A1`, `$B$2:C9`, `'It''s'!C4`; `sheet` is undefined for the formula's own sheet. */
interface Reference {
  sheet?: string;
  start: CellRef;
  end?: CellRef;
}

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'error'; value: string; from: number; to: number }
  /** `prefix`: the sheet part as written (`'项目'!`), kept when only rows move. */
  | { kind: 'ref'; ref: Reference; prefix: string; from: number; to: number }
  | { kind: 'function'; name: string }
  | { kind: 'name'; name: string }
  | { kind: 'op'; value: string };

type Node =
  | { t: 'value'; v: Scalar }
  | { t: 'ref'; ref: Reference }
  | { t: 'unary'; op: string; e: Node }
  | { t: 'percent'; e: Node }
  | { t: 'binary'; op: string; l: Node; r: Node }
  | { t: 'call'; name: string; args: Node[] };

/** Excel quotes a sheet name in a reference unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const ERROR_LITERAL = /^#(REF!|NAME\?|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const IDENTIFIER = /^[\p{L}\p{N}_.$]+/u;
const OPERATORS = ['<=', '>=', '<>', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', '(', ')', ','];

function parseCell(text: string): CellRef | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const { row, col } = parseA1(text);
  if (row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { row, col, absCol: m[1] === '$', absRow: m[3] === '$' };
}

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  /** A reference starting at `from`, its cells at `i` (just after the `!` when there is a sheet). */
  const cellAt = (from: number, sheet: string | undefined): Token => {
    const prefix = body.slice(from, i);
    const m = IDENTIFIER.exec(body.slice(i));
    const start = m && parseCell(m[0]);
    if (!m || !start) throw new FormulaSyntaxError(`a cell reference is expected at ${i + 1}`);
    i += m[0].length;
    const ref: Reference = { sheet, start };
    if (body[i] === ':') {
      const n = IDENTIFIER.exec(body.slice(i + 1));
      const end = n && parseCell(n[0]);
      if (!n || !end) throw new FormulaSyntaxError(`a cell reference is expected at ${i + 2}`);
      i += 1 + n[0].length;
      ref.end = end;
    }
    return { kind: 'ref', ref, prefix, from, to: i };
  };
  while (i < body.length) {
    const ch = body[i];
    const rest = body.slice(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= body.length) throw new FormulaSyntaxError('unterminated text');
        if (body[i] === '"') {
          if (body[i + 1] !== '"') break;
          i++;
        }
        value += body[i++];
      }
      i++;
      tokens.push({ kind: 'string', value });
    } else if (ch === "'") {
      const from = i;
      let sheet = '';
      i++;
      for (;;) {
        if (i >= body.length) throw new FormulaSyntaxError('unterminated sheet name');
        if (body[i] === "'") {
          if (body[i + 1] !== "'") break;
          i++;
        }
        sheet += body[i++];
      }
      i++;
      if (body[i] !== '!') throw new FormulaSyntaxError(`'!' expected after '${sheet}'`);
      i++;
      tokens.push(cellAt(from, sheet));
    } else if (ch === '#') {
      const m = ERROR_LITERAL.exec(rest);
      if (!m) throw new FormulaSyntaxError(`unknown error value at ${i + 1}`);
      tokens.push({ kind: 'error', value: m[0], from: i, to: i + m[0].length });
      i += m[0].length;
    } else if (NUMBER.test(rest)) {
      const m = NUMBER.exec(rest) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (IDENTIFIER.test(rest)) {
      const word = (IDENTIFIER.exec(rest) as RegExpExecArray)[0];
      const next = body[i + word.length];
      if (next === '!') {
        const from = i;
        i += word.length + 1;
        tokens.push(cellAt(from, word));
      } else if (next === '(') {
        tokens.push({ kind: 'function', name: word.toUpperCase() });
        i += word.length;
      } else if (parseCell(word)) {
        tokens.push(cellAt(i, undefined));
      } else {
        tokens.push({ kind: 'name', name: word.toUpperCase() });
        i += word.length;
      }
    } else {
      const op = OPERATORS.find((o) => rest.startsWith(o));
      if (!op) throw new FormulaSyntaxError(`unexpected '${ch}' at ${i + 1}`);
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

/** Recursive descent with Excel's precedence, loosest first: comparison, &, + -, * /, ^, %, unary minus. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new FormulaSyntaxError('unexpected text after the formula');
    return node;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.i];
    return t && t.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let l = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.i++;
      l = { t: 'binary', op, l, r: next() };
    }
    return l;
  }

  private comparison = (): Node => this.binary(this.concat, ['=', '<>', '<', '>', '<=', '>=']);
  private concat = (): Node => this.binary(this.additive, ['&']);
  private additive = (): Node => this.binary(this.multiplicative, ['+', '-']);
  private multiplicative = (): Node => this.binary(this.power, ['*', '/']);
  private power = (): Node => this.binary(this.unary, ['^']);

  private unary = (): Node => {
    const op = this.peekOp('+', '-');
    if (op) {
      this.i++;
      return { t: 'unary', op, e: this.unary() };
    }
    let e = this.primary();
    while (this.peekOp('%')) {
      this.i++;
      e = { t: 'percent', e };
    }
    return e;
  };

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaSyntaxError('the formula ends too early');
    switch (t.kind) {
      case 'number':
        return { t: 'value', v: t.value };
      case 'string':
        return { t: 'value', v: t.value };
      case 'error':
        return { t: 'value', v: new FormulaError(t.value) };
      case 'ref':
        return { t: 'ref', ref: t.ref };
      case 'name':
        if (t.name === 'TRUE' || t.name === 'FALSE') return { t: 'value', v: t.name === 'TRUE' };
        return { t: 'value', v: new FormulaError('#NAME?') };
      case 'function': {
        this.i++; // '('
        const args: Node[] = [];
        if (!this.peekOp(')')) {
          args.push(this.comparison());
          while (this.peekOp(',')) {
            this.i++;
            args.push(this.comparison());
          }
        }
        if (!this.peekOp(')')) throw new FormulaSyntaxError(`')' expected after the arguments of ${t.name}`);
        this.i++;
        return { t: 'call', name: t.name, args };
      }
      case 'op':
        if (t.value === '(') {
          const e = this.comparison();
          if (!this.peekOp(')')) throw new FormulaSyntaxError("')' expected");
          this.i++;
          return e;
        }
        throw new FormulaSyntaxError(`unexpected '${t.value}'`);
    }
  }
}

const parsed = new Map<string, Node>();

/** Parses a formula (with its leading `=`); throws FormulaSyntaxError when Excel would reject it. */
export function parseFormula(formula: string): Node {
  let node = parsed.get(formula);
  if (!node) {
    if (!formula.startsWith('=')) throw new FormulaSyntaxError('a formula starts with =');
    node = new Parser(tokenize(formula.slice(1))).parse();
    parsed.set(formula, node);
  }
  return node;
}

/** What a formula can see of the workbook. */
interface FormulaScope {
  /** A cell's value (null when empty), or undefined when the sheet does not exist. */
  cell(sheet: string | undefined, row: number, col: number): Scalar | undefined;
}

type Value = Scalar | { range: Reference };

const NAME = new FormulaError('#NAME?');
const REF = new FormulaError('#REF!');
const VALUE = new FormulaError('#VALUE!');

function toNumber(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const text = v.trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text);
  if (text === '' || text === '%' || !Number.isFinite(n)) return VALUE;
  return percent ? n / 100 : n;
}

function toText(v: Scalar): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Excel orders numbers < text < logicals, and compares text without case. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  const x = a ?? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0);
  const y = b ?? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') return x.toUpperCase().localeCompare(y.toUpperCase());
  return Number(x) - Number(y);
}

function cellsOf(ref: Reference, scope: FormulaScope): Scalar[] | FormulaError {
  const end = ref.end ?? ref.start;
  const out: Scalar[] = [];
  for (let r = Math.min(ref.start.row, end.row); r <= Math.max(ref.start.row, end.row); r++) {
    for (let c = Math.min(ref.start.col, end.col); c <= Math.max(ref.start.col, end.col); c++) {
      const v = scope.cell(ref.sheet, r, c);
      if (v === undefined) return REF;
      out.push(v);
    }
  }
  return out;
}

function scalar(v: Value, scope: FormulaScope): Scalar {
  if (v === null || typeof v !== 'object' || v instanceof FormulaError) return v;
  const cells = cellsOf(v.range, scope);
  if (cells instanceof FormulaError) return cells;
  return cells.length === 1 ? cells[0] : VALUE;
}

function arithmetic(op: string, a: number, b: number): Scalar {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new FormulaError('#DIV/0!') : a / b;
    default:
      return Math.pow(a, b);
  }
}

const FUNCTIONS: Record<string, (args: Value[], scope: FormulaScope) => Scalar> = {
  SUM(args, scope) {
    let total = 0;
    for (const arg of args) {
      if (arg !== null && typeof arg === 'object' && !(arg instanceof FormulaError)) {
        const cells = cellsOf(arg.range, scope);
        if (cells instanceof FormulaError) return cells;
        for (const c of cells) {
          if (c instanceof FormulaError) return c;
          if (typeof c === 'number') total += c;
        }
      } else {
        const n = toNumber(arg);
        if (n instanceof FormulaError) return n;
        total += n;
      }
    }
    return total;
  },
  /** TRUE when every logical value is TRUE: numbers count (0 is FALSE); text and blanks in ranges are skipped; no logical value at all is #VALUE!. */
  AND(args, scope) {
    let seen = 0;
    let all = true;
    const take = (v: Scalar, inRange: boolean): FormulaError | undefined => {
      if (v instanceof FormulaError) return v;
      if (typeof v === 'boolean' || typeof v === 'number') {
        seen++;
        if (v === false || v === 0) all = false;
        return undefined;
      }
      if (v === null || inRange) return undefined;
      // Text given as a value: TRUE/FALSE read as logicals, anything else is #VALUE!.
      if (/^(TRUE|FALSE)$/i.test(v)) return take(v.toUpperCase() === 'TRUE', false);
      return VALUE;
    };
    for (const arg of args) {
      if (arg !== null && typeof arg === 'object' && !(arg instanceof FormulaError)) {
        const cells = cellsOf(arg.range, scope);
        if (cells instanceof FormulaError) return cells;
        for (const c of cells) {
          const e = take(c, true);
          if (e) return e;
        }
      } else {
        const e = take(arg, false);
        if (e) return e;
      }
    }
    return seen === 0 ? VALUE : all;
  },
  /** TRUE for a number (not a number-like text), FALSE for anything else, errors included. */
  ISNUMBER(args, scope) {
    if (args.length !== 1) return VALUE;
    return typeof scalar(args[0], scope) === 'number';
  },
  /** A number as itself, TRUE as 1, an error as that error, anything else as 0. */
  N(args, scope) {
    if (args.length !== 1) return VALUE;
    const v = scalar(args[0], scope);
    if (v instanceof FormulaError || typeof v === 'number') return v;
    return v === true ? 1 : 0;
  },
  ROUND(args, scope) {
    if (args.length !== 2) return VALUE;
    const x = toNumber(scalar(args[0], scope));
    const d = toNumber(scalar(args[1], scope));
    if (x instanceof FormulaError) return x;
    if (d instanceof FormulaError) return d;
    const digits = Math.trunc(d);
    const exact = decimalFromNumber(x);
    if (digits >= 0) return roundHalfAway(exact, digits).toNumber();
    const unit = new Decimal(10).pow(-digits);
    return roundHalfAway(exact.div(unit), 0).times(unit).toNumber();
  },
};

function evaluateNode(node: Node, scope: FormulaScope): Value {
  switch (node.t) {
    case 'value':
      return node.v;
    case 'ref':
      return { range: node.ref };
    case 'unary': {
      const n = toNumber(scalar(evaluateNode(node.e, scope), scope));
      return n instanceof FormulaError || node.op === '+' ? n : -n;
    }
    case 'percent': {
      const n = toNumber(scalar(evaluateNode(node.e, scope), scope));
      return n instanceof FormulaError ? n : n / 100;
    }
    case 'call': {
      const fn = FUNCTIONS[node.name];
      return fn ? fn(node.args.map((a) => evaluateNode(a, scope)), scope) : NAME;
    }
    case 'binary': {
      const l = scalar(evaluateNode(node.l, scope), scope);
      const r = scalar(evaluateNode(node.r, scope), scope);
      if (l instanceof FormulaError) return l;
      if (r instanceof FormulaError) return r;
      if (node.op === '&') return `${toText(l)}${toText(r)}`;
      if (['=', '<>', '<', '>', '<=', '>='].includes(node.op)) {
        const c = compare(l, r);
        return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[node.op] as boolean;
      }
      const a = toNumber(l);
      const b = toNumber(r);
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      return arithmetic(node.op, a, b);
    }
  }
}

/** The value of a formula; an empty result reads as 0, as in Excel. */
export function evaluate(formula: string, scope: FormulaScope): Scalar {
  const v = scalar(evaluateNode(parseFormula(formula), scope), scope);
  if (typeof v === 'number' && !Number.isFinite(v)) return new FormulaError('#NUM!');
  return v ?? 0;
}

/** How the workbook changed, for `adjustFormula`. Rows are 0-based. */
export type ReferenceChange =
  | { kind: 'renameSheet'; from: string; to: string }
  | { kind: 'deleteSheet'; sheet: string }
  /** `count` rows inserted (> 0) or deleted (< 0) at row `at` in columns `left`..`right`. */
  | { kind: 'shiftRows'; sheet: string; at: number; count: number; left: number; right: number };

function formatCell(c: CellRef): string {
  return `${c.absCol ? '$' : ''}${columnName(c.col)}${c.absRow ? '$' : ''}${c.row + 1}`;
}

function formatReference(ref: Reference, prefix: string): string {
  return `${prefix}${formatCell(ref.start)}${ref.end ? `:${formatCell(ref.end)}` : ''}`;
}

/** The reference after the change, null when it no longer exists (#REF!), or the same object. */
function adjustReference(ref: Reference, home: string, change: ReferenceChange): Reference | null {
  const sheet = (ref.sheet ?? home).toUpperCase();
  if (change.kind === 'renameSheet') {
    return ref.sheet !== undefined && sheet === change.from.toUpperCase() ? { ...ref, sheet: change.to } : ref;
  }
  if (change.kind === 'deleteSheet') return sheet === change.sheet.toUpperCase() ? null : ref;
  if (sheet !== change.sheet.toUpperCase()) return ref;
  const end = ref.end ?? ref.start;
  const left = Math.min(ref.start.col, end.col);
  const right = Math.max(ref.start.col, end.col);
  if (left < change.left || right > change.right) return ref;
  const top = Math.min(ref.start.row, end.row);
  const bottom = Math.max(ref.start.row, end.row);
  let newTop = top;
  let newBottom = bottom;
  if (change.count > 0) {
    if (top >= change.at) newTop += change.count;
    if (bottom >= change.at) newBottom += change.count;
    if (newBottom >= MAX_ROWS) return null;
  } else {
    const first = change.at;
    const last = change.at - change.count - 1;
    if (top >= first && bottom <= last) return null;
    const removedAbove = (row: number) => Math.max(0, Math.min(row, last + 1) - first);
    newTop = top > last ? top + change.count : top < first ? top : first;
    newBottom = bottom - removedAbove(bottom + 1);
  }
  if (newTop === top && newBottom === bottom) return ref;
  const withRow = (c: CellRef, row: number): CellRef => ({ ...c, row });
  if (!ref.end) return { ...ref, start: withRow(ref.start, newTop) };
  const startIsTop = ref.start.row <= end.row;
  return {
    ...ref,
    start: withRow(ref.start, startIsTop ? newTop : newBottom),
    end: withRow(end, startIsTop ? newBottom : newTop),
  };
}

/**
 * The formula of a conditional format (or a copied cell) as seen from `rows` rows and `cols`
 * columns away from the cell it was written for: relative references move, `$` parts stay;
 * a reference moved off the sheet becomes `#REF!`, as in Excel.
 */
export function offsetFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const tokens = tokenize(formula.slice(1));
  let body = formula.slice(1);
  const move = (c: CellRef): CellRef | null => {
    const next = { ...c, row: c.absRow ? c.row : c.row + rows, col: c.absCol ? c.col : c.col + cols };
    return next.row < 0 || next.col < 0 || next.row >= MAX_ROWS || next.col >= MAX_COLUMNS ? null : next;
  };
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.kind !== 'ref') continue;
    const start = move(t.ref.start);
    const end = t.ref.end && move(t.ref.end);
    const text = start === null || end === null ? '#REF!' : formatReference({ ...t.ref, start, end: end ?? undefined }, t.prefix);
    body = body.slice(0, t.from) + text + body.slice(t.to);
  }
  return `=${body}`;
}

/**
 * Rewrites the references of a formula living on sheet `home` after a change, as Excel
 * does; unchanged references keep their text. Returns the formula itself when nothing moved.
 */
export function adjustFormula(formula: string, home: string, change: ReferenceChange): string {
  const tokens = tokenize(formula.slice(1));
  let body = formula.slice(1);
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.kind !== 'ref') continue;
    const next = adjustReference(t.ref, home, change);
    if (next === t.ref) continue;
    const text = next === null ? '#REF!' : formatReference(next, next.sheet === t.ref.sheet ? t.prefix : `${quoteSheetName(next.sheet as string)}!`);
    body = body.slice(0, t.from) + text + body.slice(t.to);
  }
  return `=${body}`;
}
