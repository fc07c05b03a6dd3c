/** The formula subset: references across sheets, SUM, ROUND, arithmetic; references that follow changes. */
import { createPreviewHost } from './index';
import { adjustFormula, quoteSheetName } from './formula';

/** The computed value of each formula, entered in column A of a sheet next to some data. */
async function evaluate(formulas: string[]): Promise<unknown[]> {
  const host = createPreviewHost({ sheets: ['Data', "It's", '项目 1'] });
  host.userEdit('Data', 'A1:C3', [
    [1.5, 2, 'text'],
    [10, 20, ''],
    ['7', true, '=1/0'], // typed in, '7' becomes the number 7
  ]);
  host.userEdit("It's", 'C4', 291.61);
  host.userEdit('项目 1', 'C4:C5', [[12.34], [0.25]]);
  await host.run(async (context) => {
    context.workbook.worksheets.add('Calc').getRange(`A1:A${formulas.length}`).formulas = formulas.map((f) => [f]);
  });
  return host.values('Calc', `A1:A${formulas.length}`).map((row) => row[0]);
}

describe('evaluation', () => {
  test('references to cells of other sheets, quoted with escaped quotes where needed', async () => {
    expect(await evaluate(["='It''s'!C4", '=Data!A1', "='项目 1'!C4", '=data!b2', '=Data!$A$2'])).toEqual([291.61, 1.5, 12.34, 20, 10]);
  });

  test('arithmetic: + - * / ^, unary minus, percent, parentheses, precedence', async () => {
    expect(await evaluate(['=Data!A1+Data!B1*2', '=(Data!A1+Data!B1)*2', '=-Data!B1^2', '=Data!B2/Data!B1-1', '=50%*Data!A2', '=2^3^2'])).toEqual([
      5.5, 7, 4, 9, 5, 64,
    ]);
  });

  test('SUM of ranges and values skips text, logicals and blanks in ranges, but counts them as arguments', async () => {
    expect(await evaluate(['=SUM(Data!A1:C2)', '=SUM(Data!A1:B2,100,Data!C1)', '=SUM(Data!A3:B3)', '=sum(1,"2",TRUE)'])).toEqual([33.5, 133.5, 7, 4]);
  });

  test('AND, ISNUMBER and N as a conditional format uses them', async () => {
    // Data: A1 1.5, B1 2, C1 'text'; A2 10, B2 20, C2 empty; A3 7, B3 TRUE, C3 #DIV/0!.
    expect(
      await evaluate([
        '=AND(Data!A1>1,Data!B1>1)',
        '=AND(Data!A1>1,Data!B1>5)',
        '=AND(Data!A1:C2)',
        '=AND(Data!C1:C2)',
        '=AND("x")',
        '=AND(Data!C3,TRUE)',
        '=ISNUMBER(Data!A3)',
        '=ISNUMBER(Data!C1)',
        '=ISNUMBER(Data!C2)',
        '=ISNUMBER(Data!C3)',
        '=N(Data!A1)+N(Data!B3)+N(Data!C1)+N(Data!C2)',
        '=N(Data!C3)',
      ]),
    ).toEqual([true, false, true, '#VALUE!', '#VALUE!', '#DIV/0!', true, false, false, false, 2.5, '#DIV/0!']);
  });

  test('ROUND is half away from zero on the decimal Excel shows', async () => {
    expect(await evaluate(["=ROUND('项目 1'!C4*'项目 1'!C5,2)", '=ROUND(21.525,2)', '=ROUND(-2.5,0)', '=ROUND(1234.5,-2)', '=ROUND(0.1+0.2,15)'])).toEqual([
      3.09, 21.53, -3, 1200, 0.3,
    ]);
  });

  test('text and logicals in arithmetic, comparison and &', async () => {
    expect(await evaluate(['="7"*2', '=Data!B3+1', '=Data!C1*1', '=Data!A1&"x"&Data!C2', '=Data!A2>Data!A1', '="a"="A"'])).toEqual([14, 2, '#VALUE!', '1.5x', true, true]);
  });

  test('errors: unknown functions and names, missing sheets, division by zero, and errors propagate', async () => {
    expect(await evaluate(['=VLOOKUP(1,Data!A1:B2,2)', '=nosuchname', '=Missing!A1', '=Data!C3+1', '=SUM(Data!A1:C3)', '=#REF!'])).toEqual([
      '#NAME?',
      '#NAME?',
      '#REF!',
      '#DIV/0!',
      '#DIV/0!',
      '#REF!',
    ]);
  });

  test('an empty result reads as 0; a circular reference reads as 0', async () => {
    const host = createPreviewHost();
    host.userEdit('Sheet1', 'A1:C1', [['=D1', '=C1+1', '=B1+1']]);
    expect(host.values('Sheet1', 'A1:C1')).toEqual([[0, 2, 2]]);
  });
});

describe('references follow the workbook', () => {
  test('renaming a sheet rewrites the formulas that refer to it', async () => {
    const host = createPreviewHost({ sheets: ['项目1', '汇总'] });
    host.userEdit('项目1', 'C4', 5);
    host.userEdit('汇总', 'A1', '=项目1!C4*2');
    await host.run(async (context) => void (context.workbook.worksheets.getItem('项目1').name = "It's"));
    expect(host.cell('汇总', 'A1')).toMatchObject({ formula: "='It''s'!C4*2", value: 10 });
  });

  test('deleting a sheet turns references to it into #REF!', async () => {
    const host = createPreviewHost({ sheets: ['项目1', '汇总'] });
    host.userEdit('汇总', 'A1', '=SUM(项目1!C4,1)');
    await host.run(async (context) => context.workbook.worksheets.getItem('项目1').delete());
    expect(host.cell('汇总', 'A1')).toMatchObject({ formula: '=SUM(#REF!,1)', value: '#REF!' });
  });

  test.each([
    ['=A5', 'insert 2 at row 3', '=A7'],
    ['=A2', 'insert 2 at row 3', '=A2'],
    ['=SUM(A2:A5)', 'insert 2 at row 3', '=SUM(A2:A7)'],
    ['=$A$5+B1', 'insert 2 at row 3', '=$A$7+B1'],
    ["='It''s'!A5", 'insert 2 at row 3', "='It''s'!A5"],
    ["='Wow!'!A5+'Sheet1'!A5", 'insert 2 at row 3', "='Wow!'!A5+'Sheet1'!A7"],
    ['=A5', 'delete 2 at row 3', '=A3'],
    ['=A3', 'delete 2 at row 3', '=#REF!'],
    ['=SUM(A2:A5)', 'delete 2 at row 3', '=SUM(A2:A3)'],
    ['=SUM(A3:A4)', 'delete 2 at row 3', '=SUM(#REF!)'],
  ])('%s after %s → %s', (formula, change, expected) => {
    const [verb, count] = change.split(' ');
    const n = Number(count);
    expect(adjustFormula(formula, 'Sheet1', { kind: 'shiftRows', sheet: 'Sheet1', at: 2, count: verb === 'insert' ? n : -n, left: 0, right: 16383 })).toBe(expected);
  });

  test.each([
    ['Sheet1', 'Sheet1'],
    ['汇总', '汇总'],
    ['My Sheet', "'My Sheet'"],
    ["It's", "'It''s'"],
    ['2022', "'2022'"],
    ['AB12', "'AB12'"],
    ['R1C1', "'R1C1'"],
    ['项目-1', "'项目-1'"],
  ])('sheet %j is written %s in a reference', (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });
});
