/** Code patterns that can never hang: the safe subset answers as RegExp does, the rest is refused in words. */
import fc from 'fast-check';
import { parseProfile } from '../../src/core/profile';
import { codeFormat } from '../../src/core/rules/identity';
import { MAX_PATTERN_STATES, compileSafePattern } from '../../src/core/safePattern';
import { buildTable, located } from '../support/tableBuilder';

const compile = (source: string) => {
  const r = compileSafePattern(source);
  if (!r.ok) throw new Error(`refused: ${r.message_en}`);
  return r.pattern;
};

const PATTERNS = [
  '^\\d{6}\\d{2}P[0-9A-Z]{12}$', '^\\d{6}', 'P', '^$', '', 'a|b|', '^(ab|a)c$', '^[^0-9]+$', '[a-c-]x', '^\\w+\\s?\\W*$',
  '^(?:13|14)\\d{4}[A-Z]?$', '^(?<year>\\d{4})年$', 'x{2,}', 'x{0,3}y', '^.{3}$', '\\.', '[\\]\\\\]', '^\\u9879\\x41?$',
  '[\\d_-]{3,5}$', 'a*?b', '(a|)+$', '^(a?){3}a{3}$', '[^]', '[]', '\\t|\\n', '^[\\s\\S]*$',
];
const TEXTS = [
  '13022522P00H60410014W', '130225', '', 'aaaa', 'abc', 'ac', 'abac', '1234年', '2022年', 'xx', 'y', 'xxxy', '...', 'a.b',
  ']', '\\', '项A', '项', 'ab_-1', 'aab', 'b', 'a\nb', '\t', '  ', 'a-x', 'Zx', 'aaa', '1302 25', '😀', 'P000',
];

describe('compileSafePattern: the same answers as RegExp', () => {
  it.each(PATTERNS)('%s', (source) => {
    const safe = compile(source);
    const re = new RegExp(source);
    for (const text of TEXTS) expect([text, safe.test(text)]).toEqual([text, re.test(text)]);
  });

  it('agrees with RegExp on generated patterns and texts', () => {
    const atom = fc.constantFrom('a', 'b', '.', '\\d', '[ab]', '[^a]', '(a|b)', '(?:ab)', '(a|)');
    const quant = fc.constantFrom('', '*', '+', '?', '{2}', '{1,3}', '{0,}', '*?');
    const piece = fc.tuple(atom, quant).map(([a, q]) => a + q);
    const pattern = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 5 }), fc.boolean())
      .map(([bol, pieces, eol]) => `${bol ? '^' : ''}${pieces.join('')}${eol ? '$' : ''}`);
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[ab1\n]{0,8}$/), (source, text) => compile(source).test(text) === new RegExp(source).test(text)),
      { seed: 20221231, numRuns: 2000 },
    );
  });
});

describe('compileSafePattern: never hangs', () => {
  it('answers catastrophic patterns at once (linear simulation, no backtracking)', () => {
    const text = `${'a'.repeat(5000)}!`;
    expect(compile('(a+)+$').test(text)).toBe(false);
    expect(compile('^(a|a)*$').test(text)).toBe(false);
    expect(compile('(a*)*b').test(text)).toBe(false);
    expect(compile('(a+)+$').test('aaaa')).toBe(true);
  });

  it.each([
    ['(a)\\1', '(a)\\1', '回溯引用', 'back-references'],
    ['(?=a)a', '(?=a)a', '环视', 'look-around'],
    ['(?<!a)b', '(?<!a)b', '环视', 'look-around'],
    ['\\bP', '\\bP', '单词边界', 'word boundaries'],
    ['(((a{100}){100}){100})', '(((a{100}){100}){100})', '模式太复杂', 'too complex'],
    ['(', '(', '不是有效的正则表达式', 'not a valid regular expression'],
    ['501 characters', 'a'.repeat(501), '模式太长', 'too long'],
  ])('refuses %s with a message in both languages', (_label, source, zh, en) => {
    const r = compileSafePattern(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('编码规则 codePattern 无法使用');
    expect(r.message).toContain(zh);
    expect(r.message_en).toContain('codePattern cannot be used');
    expect(r.message_en).toContain(en);
  });

  it('caps the automaton size', () => {
    expect(MAX_PATTERN_STATES).toBe(2000);
    expect(compileSafePattern('a{1999}').ok).toBe(true);
    expect(compileSafePattern('a{2001}').ok).toBe(false);
  });
});

describe('codePattern in the profile and in T002', () => {
  it('refuses an unsafe pattern in the profile by name, in both languages', () => {
    const r = parseProfile({ codePattern: '^(\\d)\\1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('编码规则 codePattern 无法使用：不支持回溯引用');
    expect(r.errors[0]).toContain('codePattern cannot be used: back-references');
  });

  it('takes (a+)+$ and checks a long code against it without hanging', () => {
    const r = parseProfile({ codePattern: '(a+)+$' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const code = `${'a'.repeat(3000)}!`;
    const findings = codeFormat(buildTable({ code }), r.profile);
    expect(located(findings)).toEqual([{ rule: 'T002', severity: 'warning', sheet: '老党员补贴', cell: 'B3' }]);
    expect(codeFormat(buildTable({ code: 'aaaa', year: undefined }), r.profile)).toEqual([]);
  });
});
