/**
 * Reads a published target-table document saved as text (the seed's format): a line without a
 * leading tab is a title or prose, a run of tab-led lines is one table row (one cell a line,
 * lines without a tab continue the cell above), and a blank line ends the row. Each table,
 * from its `…绩效目标表` title to the next title, becomes a grid the reader reads like a sheet.
 */
import { CellValue, Grid } from './grid';
import { TITLE_SUFFIX } from './layout/definition';

export interface DocumentGrid {
  title: string;
  grid: Grid;
}

const TITLE = new RegExp(`^(?:\\[bookmark:[^\\]]*\\])?\\s*(\\d{1,3}\\s*[.、．].*${TITLE_SUFFIX})\\s*$`);

export function documentToGrids(text: string): DocumentGrid[] {
  const tables: DocumentGrid[] = [];
  let rows: CellValue[][] | undefined;
  let row: string[] = [];
  const endRow = () => {
    if (rows && row.length && row.some((c) => c.trim() !== '')) rows.push(row.map((c) => (c.trim() === '' ? null : c)));
    row = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const title = TITLE.exec(line);
    if (title) {
      endRow();
      rows = [[title[1].trim()]];
      tables.push({ title: title[1].trim(), grid: { values: rows } });
    } else if (line.startsWith('\t')) {
      row.push(line.slice(1));
    } else if (line.trim() === '') {
      endRow();
    } else if (row.length) {
      row[row.length - 1] += `\n${line}`;
    }
  }
  endRow();
  return tables;
}
