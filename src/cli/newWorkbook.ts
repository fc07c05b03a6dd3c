/**
 * `new --from`: a workbook with one canonical target-table sheet per table, from JSON
 * (`importTables`) or from a published document saved as text (`documentToGrids`) or as
 * Word .docx (`importDocx`); a document's sections are read by the core's workbook reader.
 */
import { existsSync } from 'fs';
import path from 'path';
import { DepartmentInput } from '../core/department/model';
import { DEPARTMENT_SHEET, writeDepartmentSheet } from '../core/department/sheet';
import { documentToGrids } from '../core/documentText';
import { departmentFromText, documentTables } from '../core/publishedDocument';
import { importTables } from '../core/importTables';
import { writeTargetTable } from '../core/layout/writer';
import { TableInput } from '../core/model';
import { uniqueSheetName } from '../core/sheetNames';
import { tableSheetName } from '../core/workbook';
import { DocxError, importDocx } from '../docx';
import { applySheetWrite, newWorkbook, readInputFile, saveWorkbook } from '../xlsx';
import { DOCX_PROBLEM, docxMsg } from './docxMessages';
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
  // The same reading as a .docx and as a workbook's sheets: each section's grid through the core's reader.
  const { tables, skipped } = documentTables(documentToGrids(text.replace(/^\ufeff/, '')));
  const notes = skipped.map(msg.documentSkipped);
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
    // A document whose only table is the department-wide one (第一部分) gives the department sheet alone.
    if (!doc.tables.length && !doc.department?.table) return { ok: false, message: msg.documentNoTables(file) };
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

export async function newCommand(from: string, out: string, io: Io, force = false): Promise<number> {
  if (isInputFile(out, [from])) {
    io.err(msg.outIsInput(out));
    return 2;
  }
  if (!force && existsSync(out)) {
    io.err(msg.outExists(out));
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readInputFile(from, MAX_FROM_BYTES);
  } catch (e) {
    io.err(msg.fromUnreadable(from, inputFileReason(e)));
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
  if (result.tables.length > MAX_NEW_TABLES) {
    io.err(tooManyTables(from, result.tables.length, MAX_NEW_TABLES));
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
