/** A sheet to write with nothing in it but what a test gives. */
import { CellRange } from '../../src/core/grid';
import { SheetWrite } from '../../src/core/sheet';

export const range = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

export function sheetWrite(partial: Partial<SheetWrite>): SheetWrite {
  return {
    values: [],
    numberFormats: [],
    merges: [],
    columnWidths: [],
    bold: [],
    centred: [],
    wrap: [],
    borders: [],
    validations: [],
    hyperlinks: [],
    print: { paper: 'A4', orientation: 'portrait', fitToPagesWide: 1 },
    ...partial,
  };
}
