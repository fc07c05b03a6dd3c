/**
 * The published document in the pane (issue 10): what the pane needs from the workbook to
 * import a .docx, insert and edit the department part, and export the publication. Its strings
 * and the browser download are in `documentText.ts`, loaded with the document panels' own chunk;
 * the .docx code itself is loaded on demand (`import('../docx')`), out of the main bundle.
 */
import { DepartmentInput } from '../core/department/model';
import { TableInput } from '../core/model';
import type { WorkbookService } from '../excel/service';

export interface DocumentPort {
  insertTables(tables: TableInput[]): Promise<string[]>;
  insertDepartment(part: DepartmentInput): Promise<string>;
  readDepartment(): Promise<DepartmentInput | undefined>;
  /** The department sheet and its part, to edit in the form. */
  loadDepartment(): Promise<{ sheet: string; part: DepartmentInput } | undefined>;
  /** Rewrites the department sheet the form was loaded from (only while it is still ours). */
  rewriteDepartment(sheet: string, part: DepartmentInput): Promise<string>;
  /** False where the host does not let an add-in download a file (Excel on Windows and Mac). */
  canDownload: boolean;
}

export function documentPort(service: WorkbookService, canDownload: boolean): DocumentPort {
  return {
    insertTables: (tables) => service.insertTables(tables),
    insertDepartment: (part) => service.insertDepartment(part),
    readDepartment: () => service.readDepartment(),
    loadDepartment: () => service.loadDepartment(),
    rewriteDepartment: (sheet, part) => service.rewriteDepartment(sheet, part),
    canDownload,
  };
}
