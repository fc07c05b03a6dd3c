import { codePatternProblem, describeCodePattern } from './codePattern';
import { DEFAULT_PROFILE } from './profile';

describe('describeCodePattern: the 项目编码 pattern in words, with an example (issue 9, item 8)', () => {
  it('describes the default pattern and derives a valid example from it', () => {
    const d = describeCodePattern(DEFAULT_PROFILE.codePattern);
    expect(d).toEqual({
      zh: '8位数字、字母“P”、12位数字或大写字母（共21位）',
      en: '8 digits, then the letter P, then 12 digits or capital letters (21 characters)',
      example: '12345678P1A2B3C4D5E6F',
    });
    expect(new RegExp(DEFAULT_PROFILE.codePattern).test(d.example!)).toBe(true);
  });

  it('reads ranges of lengths and optional parts', () => {
    expect(describeCodePattern('^[A-Z]{2}-\\d{3,5}$')).toEqual({
      zh: '2位大写字母、“-”、3至5位数字',
      en: '2 capital letters, then "-", then 3 to 5 digits',
      example: 'AB-123',
    });
  });

  it('falls back to words without the expression for a pattern beyond the simple subset, or uses the profile’s description', () => {
    expect(describeCodePattern('^(A|B)\\d+$')).toEqual({ zh: '设置中规定的编码格式', en: 'the code format set in the settings', example: undefined });
    expect(describeCodePattern('^(A|B)\\d+$', { zh: 'A或B开头的数字编码', en: 'A or B, then digits' }).zh).toBe('A或B开头的数字编码');
  });
});

describe('codePatternProblem: a settings error in both languages, never the engine’s message', () => {
  it.each([
    ['[0-9', '方括号“[”没有对应的“]”', 'A "[" has no closing "]"'],
    ['(\\d', '圆括号“(”和“)”不成对', 'The brackets "(" and ")" do not pair up'],
    ['*\\d', '“*”“+”“?”或“{n}”前面缺少要重复的内容', '"*", "+", "?" or "{n}" follows nothing it could repeat'],
  ])('%s', (pattern, zh, en) => {
    expect(codePatternProblem(pattern)).toEqual({ zh, en });
  });

  it('accepts a valid pattern', () => {
    expect(codePatternProblem(DEFAULT_PROFILE.codePattern)).toBeUndefined();
  });
});
