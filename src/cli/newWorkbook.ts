/**
 * `new --from`: a workbook with one canonical target-table sheet per table, from JSON
 * (`importTables`) or from a published document saved as text (`documentToGrids`).
 */
import path from 'path';
import { documentToGrids } from '../core/documentText';
import { importTables } from '../core/importTables';
import { tableToInput } from '../core/layout/input';
import { readTargetTable } from '../core/layout/reader';
import { writeTargetTable } from '../core/layout/writer';
import { TableInput } from '../core/model';
import { uniqueSheetName } from '../core/sheetNames';
import { tableSheetName } from '../core/workbook';
import { applySheetWrite, newWorkbook, readInputText, saveWorkbook } from '../xlsx';
import { msg } from './messages';
import { fixedDate, isInputFile } from './output';
import { Io } from './io';
import { inputFileReason, tooManyTables } from './readMessages';

/**
 * Most tables `new` writes into one workbook: far more than any department files, and a
 * workbook that Excel still opens comfortably (500 tables take a few seconds to write).
 */
export const MAX_NEW_TABLES = 1000;
/** Largest `--from` file read (the seed's ten tables are 15 KB as JSON). */
const MAX_FROM_BYTES = 20 * 1024 * 1024;

export type TablesResult = { ok: true; tables: TableInput[]; notes: string[] } | { ok: false; message: string };

/** The tables of a `--from` file: `.json` as data, anything else as document text. */
export function tablesFrom(file: string, text: string): TablesResult {
  if (path.extname(file).toLowerCase() === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (e) {
      return { ok: false, message: msg.fromUnreadable(file, msg.notJson(e instanceof Error ? e.message : String(e))) };
    }
    const imported = importTables(json);
    return imported.ok ? { ok: true, tables: imported.tables, notes: [] } : { ok: false, message: msg.importInvalid(file, imported.errors) };
  }
  const notes: string[] = [];
  const tables: TableInput[] = [];
  for (const doc of documentToGrids(text.replace(/^\ufeff/, ''))) {
    const table = readTargetTable(doc.grid, doc.title);
    if (table) tables.push(tableToInput(table));
    else notes.push(msg.documentSkipped(doc.title));
  }
  return tables.length ? { ok: true, tables, notes } : { ok: false, message: msg.documentNoTables(file) };
}

/** The sheet name for each table: its project name (else its title), valid in Excel and unique. */
function sheetNamesFor(tables: readonly TableInput[]): string[] {
  const names: string[] = [];
  for (const t of tables) names.push(uniqueSheetName(tableSheetName(t), names));
  return names;
}

export async function newCommand(from: string, out: string, io: Io): Promise<number> {
  if (isInputFile(out, [from])) {
    io.err(msg.outIsInput(out));
    return 2;
  }
  let text: string;
  try {
    text = await readInputText(from, MAX_FROM_BYTES);
  } catch (e) {
    io.err(msg.fromUnreadable(from, inputFileReason(e)));
    return 2;
  }
  const result = tablesFrom(from, text);
  if (!result.ok) {
    io.err(result.message);
    return 2;
  }
  if (result.tables.length > MAX_NEW_TABLES) {
    io.err(tooManyTables(from, result.tables.length, MAX_NEW_TABLES));
    return 2;
  }
  for (const note of result.notes) io.err(note);

  const workbook = newWorkbook();
  const names = sheetNamesFor(result.tables);
  result.tables.forEach((table, i) => applySheetWrite(workbook.addWorksheet(names[i]), writeTargetTable(table)));
  try {
    await saveWorkbook(workbook, out, { date: fixedDate(), created: true });
  } catch (e) {
    io.err(msg.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  io.out(msg.newWritten(out, result.tables.length));
  return 0;
}
