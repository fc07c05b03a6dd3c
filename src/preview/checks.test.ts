/**
 * What the checks that travel with a table need of the preview host: decimal rules with an
 * input message, an input message alone, and conditional formats by formula that the preview
 * evaluates cell by cell as Excel does — strict like the rest (unloaded reads throw, what it
 * does not model is refused).
 */
import { createPreviewHost, PreviewHost } from './index';
import { offsetFormula } from './formula';
import { failure } from '../../test/support/failure';

function onSheet1(host: PreviewHost, write: (sheet: Excel.Worksheet) => void): Promise<void> {
  return host.run(async (context) => write(context.workbook.worksheets.getItem('Sheet1')));
}

const NEVER_BLOCK: Excel.DataValidationErrorAlert = { showAlert: false, style: 'Stop', title: '', message: '' };

describe('decimal rules and input messages', () => {
  test('a decimal rule, its input message and its alert are kept per cell and read back', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      const plan = s.getRange('B7:E7').dataValidation;
      plan.rule = { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
      plan.prompt = { showPrompt: true, title: '累计支出比例', message: '0%–100%' };
      plan.errorAlert = NEVER_BLOCK;
      s.getRange('C4').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    });
    const [plan, amount, mixed, none] = await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      const read = ['B7:E7', 'C4', 'A7:B7', 'A1'].map((a) => s.getRange(a).dataValidation.load('rule,type,prompt,errorAlert'));
      await context.sync();
      return read.map((v) => ({ rule: v.rule, type: v.type, prompt: v.prompt, errorAlert: v.errorAlert }));
    });
    expect(plan).toEqual({
      rule: { decimal: { formula1: 0, formula2: 1, operator: 'Between' } },
      type: 'Decimal',
      prompt: { showPrompt: true, title: '累计支出比例', message: '0%–100%' },
      errorAlert: NEVER_BLOCK,
    });
    // No prompt set: Excel's defaults, and a Stop alert that refuses what the rule refuses.
    expect(amount).toEqual({
      rule: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
      type: 'Decimal',
      prompt: { showPrompt: false, title: '', message: '' },
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
    });
    expect(mixed.type).toBe('Inconsistent');
    expect(none).toEqual({ rule: {}, type: 'None', prompt: null, errorAlert: null });
    expect(host.cell('Sheet1', 'E7').validation).toEqual({
      decimal: { formula1: 0, formula2: 1, operator: 'Between' },
      prompt: { showPrompt: true, title: '累计支出比例', message: '0%–100%' },
      alert: NEVER_BLOCK,
    });
  });

  test('an input message alone is a validation that allows any value (type None), and it takes no alert', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => (s.getRange('B3').dataValidation.prompt = { showPrompt: true, title: '项目编码', message: '一体化系统中的项目编码' }));
    const v = await host.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('Sheet1').getRange('B3').dataValidation.load('rule,type,prompt');
      await context.sync();
      return { rule: dv.rule, type: dv.type, prompt: dv.prompt };
    });
    expect(v).toEqual({ rule: {}, type: 'None', prompt: { showPrompt: true, title: '项目编码', message: '一体化系统中的项目编码' } });
    expect(host.cell('Sheet1', 'B3').validation).toEqual({ prompt: { showPrompt: true, title: '项目编码', message: '一体化系统中的项目编码' } });
    const alert = await failure(onSheet1(host, (s) => (s.getRange('B3').dataValidation.errorAlert = NEVER_BLOCK)));
    expect(alert.code).toBe('InvalidOperation');
    // Setting a rule afterwards keeps the message; clear removes both.
    await onSheet1(host, (s) => (s.getRange('B3').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } }));
    expect(host.cell('Sheet1', 'B3').validation?.prompt?.title).toBe('项目编码');
    await onSheet1(host, (s) => s.getRange('B3').dataValidation.clear());
    expect(host.cell('Sheet1', 'B3').validation).toBeNull();
  });

  test('what Excel refuses is refused: unknown operators, a missing bound, long messages; unloaded reads throw; 1.8 is needed', async () => {
    const host = createPreviewHost();
    const cases: Excel.DataValidationRule[] = [
      { decimal: { formula1: 0, operator: 'Around' as Excel.DataValidationOperator } },
      { decimal: { formula1: 0, operator: 'Between' } },
      { decimal: { formula1: 0, formula2: 1, operator: 'GreaterThan' } },
      { decimal: { formula1: '', operator: 'GreaterThan' } },
    ];
    for (const rule of cases) expect((await failure(onSheet1(host, (s) => (s.getRange('A1').dataValidation.rule = rule)))).code).toBe('InvalidArgument');
    const long = await failure(onSheet1(host, (s) => (s.getRange('A1').dataValidation.prompt = { showPrompt: true, title: '标'.repeat(33), message: '' })));
    expect(long.code).toBe('InvalidArgument');
    const unloaded = await failure(
      host.run(async (context) => {
        const dv = context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.load('rule');
        await context.sync();
        return dv.prompt;
      }),
    );
    expect(unloaded.code).toBe('PropertyNotLoaded');
    const old = createPreviewHost({ apiVersion: '1.7' });
    const e = await failure(onSheet1(old, (s) => (s.getRange('A1').dataValidation.prompt = { showPrompt: true, title: 't', message: 'm' })));
    expect(e.code).toBe('ApiNotFound');
  });
});

/** A plan row B7:E7 and amounts C4 (预算数), C5 (财政资金), E4 (其他资金) as a target table has them. */
async function planSheet(host: PreviewHost, plan: number[], amounts: [number, number, number] = [10, 8, 2]): Promise<void> {
  host.userEdit('Sheet1', 'B7:E7', [plan]);
  host.userEdit('Sheet1', 'C4', amounts[0]);
  host.userEdit('Sheet1', 'C5', amounts[1]);
  host.userEdit('Sheet1', 'E4', amounts[2]);
  await onSheet1(host, (s) => {
    const formats: [string, string][] = [
      ['C7:E7', '=AND(ISNUMBER(C7),ISNUMBER(B7),C7<B7)'],
      ['E7', '=AND(ISNUMBER(E7),ROUND(E7,6)<>1)'],
      ['C4', '=AND(ISNUMBER(C4),ROUND(C4-N(C5)-N(E4),6)<>0)'],
    ];
    for (const [address, formula] of formats) {
      const cf = s.getRange(address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
    }
  });
}

const shown = (host: PreviewHost, cells: string[]) => Object.fromEntries(cells.map((a) => [a, host.cell('Sheet1', a).conditional?.fill ?? null]));

describe('conditional formats by formula', () => {
  test('added first in priority, read back through the collection, counted per range', async () => {
    const host = createPreviewHost();
    await planSheet(host, [0.25, 0.5, 0.75, 1]);
    const read = await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      const all = s.getRange().conditionalFormats.load('items/type,items/priority');
      const count = s.getRange('E7').conditionalFormats.getCount();
      await context.sync();
      const parts = all.items.map((cf) => ({
        range: cf.getRange().load('address'),
        rule: cf.custom.rule.load('formula'),
        fill: cf.custom.format.fill.load('color'),
        font: cf.custom.format.font.load('color'),
      }));
      await context.sync();
      return {
        count: count.value,
        items: all.items.map((cf, i) => ({ type: cf.type, priority: cf.priority, address: parts[i].range.address, formula: parts[i].rule.formula, fill: parts[i].fill.color, font: parts[i].font.color })),
      };
    });
    expect(read.count).toBe(2);
    expect(read.items).toEqual([
      { type: 'Custom', priority: 0, address: 'Sheet1!C4', formula: '=AND(ISNUMBER(C4),ROUND(C4-N(C5)-N(E4),6)<>0)', fill: '#FFC7CE', font: '#9C0006' },
      { type: 'Custom', priority: 1, address: 'Sheet1!E7', formula: '=AND(ISNUMBER(E7),ROUND(E7,6)<>1)', fill: '#FFC7CE', font: '#9C0006' },
      { type: 'Custom', priority: 2, address: 'Sheet1!C7:E7', formula: '=AND(ISNUMBER(C7),ISNUMBER(B7),C7<B7)', fill: '#FFC7CE', font: '#9C0006' },
    ]);
  });

  test('each cell of a format sees the formula moved to it: a fall, a 12月底 short of 100 %, a 预算数 off its parts', async () => {
    const cells = ['B7', 'C7', 'D7', 'E7', 'C4'];
    const good = createPreviewHost();
    await planSheet(good, [0.25, 0.5, 0.75, 1]);
    expect(shown(good, cells)).toEqual({ B7: null, C7: null, D7: null, E7: null, C4: null });
    const quarterly = createPreviewHost();
    await planSheet(quarterly, [0.25, 0.25, 0.25, 0.25]);
    expect(shown(quarterly, cells)).toEqual({ B7: null, C7: null, D7: null, E7: '#FFC7CE', C4: null });
    const falling = createPreviewHost();
    await planSheet(falling, [0.3, 0.2, 0.6, 1], [10, 8, 3]);
    expect(shown(falling, cells)).toEqual({ B7: null, C7: '#FFC7CE', D7: null, E7: null, C4: '#FFC7CE' });
    expect(falling.cell('Sheet1', 'C7').conditional).toEqual({ fill: '#FFC7CE', fontColor: '#9C0006' });
    // The cell's own fill is untouched: only the look changes, as in Excel (RangeFill reports the cell's fill).
    expect(falling.cell('Sheet1', 'C7').fill).toBeNull();
    // Text in a plan cell is no number: nothing to colour there (the rules report it instead).
    falling.userEdit('Sheet1', 'B7', '三成');
    expect(shown(falling, ['C7'])).toEqual({ C7: null });
  });

  test('the formats follow inserted and deleted rows, and go with cleared formats', async () => {
    const host = createPreviewHost();
    await planSheet(host, [0.25, 0.25, 0.25, 0.25]);
    await onSheet1(host, (s) => s.getRange('2:3').insert('Down'));
    expect(host.snapshot().Sheet1.conditionalFormats.map((cf) => [cf.address, cf.formula])).toEqual([
      ['C6', '=AND(ISNUMBER(C6),ROUND(C6-N(C7)-N(E6),6)<>0)'],
      ['E9', '=AND(ISNUMBER(E9),ROUND(E9,6)<>1)'],
      ['C9:E9', '=AND(ISNUMBER(C9),ISNUMBER(B9),C9<B9)'],
    ]);
    expect(shown(host, ['E9'])).toEqual({ E9: '#FFC7CE' });
    await onSheet1(host, (s) => s.getRange('2:3').delete('Up'));
    expect(host.snapshot().Sheet1.conditionalFormats.map((cf) => cf.address)).toEqual(['C4', 'E7', 'C7:E7']);
    // Cutting a format in two is not modelled: refused rather than done wrong.
    const part = await failure(onSheet1(host, (s) => s.getRange('D7').conditionalFormats.clearAll()));
    expect(part.code).toBe('InvalidOperation');
    await onSheet1(host, (s) => s.getRange('A7:H7').clear('Formats'));
    expect(host.snapshot().Sheet1.conditionalFormats.map((cf) => cf.address)).toEqual(['C4']);
    await onSheet1(host, (s) => s.getRange('C4:C5').conditionalFormats.clearAll());
    expect(host.snapshot().Sheet1.conditionalFormats).toEqual([]);
  });

  test('strict: other types, bad formulas and colours are refused; unloaded reads throw; ExcelApi 1.6 is needed', async () => {
    const host = createPreviewHost();
    const bar = await failure(onSheet1(host, (s) => void s.getRange('A1').conditionalFormats.add('DataBar')));
    expect(bar.message).toMatch(/Custom/);
    for (const formula of ['AND(A1)', '=AND(A1', 42 as unknown as string]) {
      const e = await failure(onSheet1(host, (s) => (s.getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = formula)));
      expect(e.code).toBe('InvalidArgument');
    }
    const colour = await failure(onSheet1(host, (s) => (s.getRange('A1').conditionalFormats.add('Custom').custom.format.fill.color = 'red')));
    expect(colour.code).toBe('InvalidArgument');
    const unloaded = await failure(
      host.run(async (context) => {
        const cf = context.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add('Custom');
        cf.custom.rule.formula = '=A1>1';
        await context.sync();
        return cf.custom.rule.formula;
      }),
    );
    expect(unloaded.code).toBe('PropertyNotLoaded');
    // What the preview does not model fails aloud rather than doing nothing.
    const bold = await failure(onSheet1(host, (s) => (s.getRange('A1').conditionalFormats.add('Custom').custom.format.font.bold = true)));
    expect(bold).toMatchObject({ code: 'ApiNotFound', message: expect.stringContaining('ConditionalRangeFont.bold is not modelled') });
    const scale = await failure(onSheet1(host, (s) => void s.getRange('A1').conditionalFormats.add('Custom').colorScale));
    expect(scale.code).toBe('ApiNotFound');
    const old = createPreviewHost({ apiVersion: '1.5' });
    const e = await failure(onSheet1(old, (s) => void s.getRange('A1').conditionalFormats.add('Custom')));
    expect(e.code).toBe('ApiNotFound');
  });
});

describe('formulas seen from another cell', () => {
  test('relative parts move, $ parts stay, off the sheet is #REF!', () => {
    expect(offsetFormula('=AND(ISNUMBER(C7),C7<B7)', 0, 2)).toBe('=AND(ISNUMBER(E7),E7<D7)');
    expect(offsetFormula("=$A$1+A$1+$A1+'其 他'!B2:C3", 1, 1)).toBe("=$A$1+B$1+$A2+'其 他'!C3:D4");
    expect(offsetFormula('=A1', -1, 0)).toBe('=#REF!');
  });
});
