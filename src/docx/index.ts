/** The .docx adapter: the only layer that knows JSZip's and Word's XML, and the `docx` package. */
import { DepartmentInput } from '../core/department/model';
import { TableInput } from '../core/model';
import { documentTables, readPublishedDocument } from '../core/publishedDocument';
import { readDocxBlocks } from './readDocx';

export { DocxError, readDocxBlocks, tableGrid } from './readDocx';
export type { DocxProblem } from './readDocx';
export { DOCX_PROBLEMS } from './problems';
export { FONTS, PAGE, TEXT_WIDTH, exportDocx, publicationDocument } from './writeDocx';

export interface DocxImport {
  tables: TableInput[];
  /** Titles of sections that were not target tables. */
  skipped: string[];
  /** 第一部分, with the department taken from the first table. */
  department?: DepartmentInput;
  /** The document has Word tables at all (none: nothing to import). */
  hasTables: boolean;
}

/** A published .docx → the same `TableInput`s the text import gives, and its 第一部分. Throws `DocxError`. */
export async function importDocx(bytes: Uint8Array): Promise<DocxImport> {
  const blocks = await readDocxBlocks(bytes);
  const doc = readPublishedDocument(blocks);
  const { tables, skipped } = documentTables(doc.tables);
  const department = doc.department ? { department: tables[0]?.department.trim() ?? '', ...doc.department } : undefined;
  return { tables, skipped, hasTables: blocks.some((b) => b.kind === 'table'), ...(department ? { department } : {}) };
}
