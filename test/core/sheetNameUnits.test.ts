import { MAX_SHEET_NAME, sanitizeSheetName, uniqueSheetName } from '../../src/core/sheetNames';
import { createPreviewHost } from '../../src/preview';

/** Issue 9, item 15: Excel counts a sheet name's length in UTF-16 code units, and so do we and the preview host. */
describe('sheet names of characters outside the BMP', () => {
  const name = `${'𠀋'.repeat(20)}经费`; // 20 × 2 + 2 = 42 code units, 22 characters

  it('are cut to 31 code units, never inside a surrogate pair', () => {
    const cut = sanitizeSheetName(name);
    expect(cut.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(cut).toBe('𠀋'.repeat(15));
    expect(uniqueSheetName(name, [cut])).toBe(`${'𠀋'.repeat(13)} (2)`);
  });

  it('the preview host refuses more than 31 code units, as Excel does, and takes what sanitizeSheetName gives', async () => {
    const host = createPreviewHost();
    await expect(host.run(async (context) => void context.workbook.worksheets.add('𠀋'.repeat(16)))).rejects.toThrow(/not a valid sheet name/);
    await host.run(async (context) => void context.workbook.worksheets.add(sanitizeSheetName(name)));
    expect(host.sheetNames()).toContain('𠀋'.repeat(15));
  });
});
