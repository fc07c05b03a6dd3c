/**
 * `new --from`: a workbook with one canonical target-table sheet per table, from JSON
 * (`importTables`) or from a published document saved as text (`documentToGrids`).
 */
import { promises as fs } from 'fs';
import path from 'path';
import { DepartmentInput } from '../core/department/model';
import { DEPARTMENT_SHEET, writeDepartmentSheet } from '../core/department/sheet';
import { documentToGrids } from '../core/documentText';
import { departmentFromText } from '../core/publishedDocument';
import { importTables } from '../core/importTables';
import { tableToInput } from '../core/layout/input';
import { readTargetTable } from '../core/layout/reader';
import { writeTargetTable } from '../core/layout/writer';
import { TableInput } from '../core/model';
import { uniqueSheetName } from '../core/sheetNames';
import { tableSheetName } from '../core/workbook';
import { DocxError, importDocx } from '../docx';
import { applySheetWrite, newWorkbook, saveWorkbook } from '../xlsx';
import { DOCX_PROBLEM, docxMsg } from './docxMessages';
import { msg } from './messages';
import { fixedDate, isInputFile } from './output';
import { Io } from './io';

export type TablesResult =
  | { ok: true; tables: TableInput[]; notes: string[]; department?: DepartmentInput }
  | { ok: false; message: string };

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
  if (!tables.length) return { ok: false, message: msg.documentNoTables(file) };
  const part = departmentFromText(text.replace(/^\ufeff/, ''));
  return { ok: true, tables, notes, ...(part ? { department: { department: tables[0].department.trim(), ...part } } : {}) };
}

/** A Word file (a zip, or an OLE file: a .doc or a password-protected .docx) rather than text. */
const isBinaryDocument = (bytes: Buffer) => (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);

/** The tables of a published .docx. */
export async function tablesFromDocx(file: string, bytes: Uint8Array): Promise<TablesResult> {
  try {
    const doc = await importDocx(bytes);
    if (!doc.hasTables) return { ok: false, message: docxMsg.noTablesInDocx(file) };
    if (!doc.tables.length) return { ok: false, message: msg.documentNoTables(file) };
    return { ok: true, tables: doc.tables, notes: doc.skipped.map(msg.documentSkipped), ...(doc.department ? { department: doc.department } : {}) };
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, message: msg.fromUnreadable(file, DOCX_PROBLEM[e.problem]) };
    throw e;
  }
}

/** The sheet name for each table: its project name (else its title), valid in Excel and unique. */
function sheetNamesFor(tables: readonly TableInput[], taken: readonly string[] = []): string[] {
  const names: string[] = [];
  for (const t of tables) names.push(uniqueSheetName(tableSheetName(t), [...taken, ...names]));
  return names;
}

export async function newCommand(from: string, out: string, io: Io): Promise<number> {
  if (isInputFile(out, [from])) {
    io.err(msg.outIsInput(out));
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(from);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(msg.fromUnreadable(from, code === 'ENOENT' ? msg.notFound : code === 'EISDIR' ? msg.isDirectory : String(e)));
    return 2;
  }
  const ext = path.extname(from).toLowerCase();
  const result =
    ext !== '.json' && (isBinaryDocument(bytes) || ext === '.docx' || ext === '.doc')
      ? await tablesFromDocx(from, bytes)
      : tablesFrom(from, bytes.toString('utf8'));
  if (!result.ok) {
    io.err(result.message);
    return 2;
  }
  for (const note of result.notes) io.err(note);

  const workbook = newWorkbook();
  // 第一部分 first, as in the document; its sheet name is kept out of the tables' names.
  if (result.department) applySheetWrite(workbook.addWorksheet(DEPARTMENT_SHEET), writeDepartmentSheet(result.department));
  const names = sheetNamesFor(result.tables, result.department ? [DEPARTMENT_SHEET] : []);
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
