import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { numberGoals, stripGoalNumber } from '../../src/core/goals';
import { parseA1 } from '../../src/core/grid';
import { sheetToGrid } from '../../src/core/sheet';
import { seedTables } from '../support/seed';

describe('goal numbering: kept, never doubled (issue 9, item 2)', () => {
  it('numbers plain goals 1. 2. …', () => {
    expect(numberGoals(['保障人大工作开展', '资金及时拨付'])).toBe('1.保障人大工作开展\n2.资金及时拨付');
  });

  it.each([
    ['1.保障人大工作开展', '1.保障人大工作开展'],
    ['1、保障人大工作开展', '1、保障人大工作开展'],
    ['1．保障人大工作开展', '1．保障人大工作开展'],
    ['（2）保障人大工作开展', '（2）保障人大工作开展'],
    ['(2)保障人大工作开展', '(2)保障人大工作开展'],
    ['①保障人大工作开展', '①保障人大工作开展'],
    ['一、保障人大工作开展', '一、保障人大工作开展'],
  ])('keeps the numbering of %s', (goal, shown) => {
    expect(numberGoals([goal])).toBe(shown);
    expect(stripGoalNumber(goal)).toBe('保障人大工作开展');
  });

  it('does not take an amount or a year for numbering', () => {
    expect(numberGoals(['1.5万元用于养护', '2022年完成'])).toBe('1.1.5万元用于养护\n2.2022年完成');
    expect(stripGoalNumber('1.5万元用于养护')).toBe('1.5万元用于养护');
  });

  it('writes numbered goals once into the sheet and reads them back without numbers', () => {
    const input = { ...seedTables()[0], goals: ['1.保障人大工作开展', '（2）资金及时拨付', '③按时完成'] };
    const sheet = writeTargetTable(input);
    const { row, col } = parseA1('B8');
    expect(sheet.values[row][col]).toBe('1.保障人大工作开展\n（2）资金及时拨付\n③按时完成');
    expect(readTargetTable(sheetToGrid(sheet), 'S')?.goals.value).toEqual(['保障人大工作开展', '资金及时拨付', '按时完成']);
  });
});
