/** SPEC §6: new sheet names are unique, ≤ 31 characters, without []:*?/\ (and Excel's apostrophe rule). */
import { quoteSheetName, uniqueSheetName } from '../../src/core/sheetNames';

describe('uniqueSheetName', () => {
  it('replaces the characters Excel forbids and keeps 31 characters at most', () => {
    expect(uniqueSheetName('a[b]c:d*e?f/g\\h', [])).toBe('a b c d e f g h');
    expect([...uniqueSheetName('项'.repeat(40), [])]).toHaveLength(31);
  });
  it('never starts or ends a name with an apostrophe, also after cutting it to length', () => {
    expect(uniqueSheetName("' 'It's' ", [])).toBe("It's");
    expect(uniqueSheetName(`${'a'.repeat(30)}'b`, [])).toBe('a'.repeat(30));
    expect(uniqueSheetName("''", [])).toBe('Sheet');
  });
  it('adds (2), (3) … against the names taken, compared without case, and avoids History', () => {
    expect(uniqueSheetName('汇总', ['汇总'])).toBe('汇总 (2)');
    expect(uniqueSheetName('Sheet', ['sheet', 'SHEET (2)'])).toBe('Sheet (3)');
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    const long = '项'.repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${'项'.repeat(27)} (2)`);
  });
});

describe('quoteSheetName', () => {
  it('quotes and doubles apostrophes', () => {
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
});
