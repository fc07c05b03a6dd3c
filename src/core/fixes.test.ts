import { Finding } from './finding';
import { batchFixEdits } from './fixes';

const withFix = (sheet: string, cell: string, value: string): Finding => ({
  rule: 'I010',
  severity: 'warning',
  sheet,
  cell,
  message: '',
  message_en: '',
  fix: { description: '', description_en: '', edits: [{ sheet, cell, value }] },
});

describe('batchFixEdits: a rule’s quick fix on all its findings', () => {
  it('collects every fix’s edits, one per cell (the first fix of a cell wins), none for findings without a fix', () => {
    const plain: Finding = { rule: 'I013', severity: 'info', sheet: 'A', cell: 'F9', message: '', message_en: '' };
    expect(batchFixEdits([withFix('A', 'F12', '≥98%'), plain, withFix('B', 'F12', '≥95%'), withFix('A', 'F12', '≥90%')])).toEqual([
      { sheet: 'A', cell: 'F12', value: '≥98%' },
      { sheet: 'B', cell: 'F12', value: '≥95%' },
    ]);
  });
});
