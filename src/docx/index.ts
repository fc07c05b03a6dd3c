/** The .docx adapter: the only layer that knows Word's XML and zip packages (fflate, saxes), and the `docx` package. */
import { DepartmentInput, DepartmentTable } from '../core/department/model';
import { labelKey } from '../core/text';
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

const NAME_LABELS = ['部门(单位)名称', '部门名称', '单位名称', '预算部门'].map(labelKey);

/** The department's name as its department-wide table states it (`部门(单位)名称`), when no project table gives it. */
function tableDepartment(table: DepartmentTable | undefined): string {
  const row = table?.head.find((cells) => NAME_LABELS.includes(labelKey(cells[0] ?? '')));
  return row?.slice(1).find((t) => t.trim() !== '')?.trim() ?? '';
}

/** A published .docx → the same `TableInput`s the text import gives, and its 第一部分. Throws `DocxError`. */
export async function importDocx(bytes: Uint8Array): Promise<DocxImport> {
  const blocks = await readDocxBlocks(bytes);
  const doc = readPublishedDocument(blocks);
  const { tables, skipped } = documentTables(doc.tables);
  const department = doc.department ? { department: tables[0]?.department.trim() || tableDepartment(doc.department.table), ...doc.department } : undefined;
  return { tables, skipped, hasTables: blocks.some((b) => b.kind === 'table'), ...(department ? { department } : {}) };
}
