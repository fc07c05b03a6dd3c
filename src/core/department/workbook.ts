/** The department sheet among a workbook's sheets, and its findings beside the tables'. */
import { Finding } from '../finding';
import { Profile } from '../profile';
import { applyRuleSettings } from '../rules';
import { NamedGrid } from '../workbook';
import { DepartmentPart } from './model';
import { checkDepartment } from './rules';
import { readDepartmentSheet } from './sheet';

/** The sheet's department part when it is a department sheet (a name holding 部门整体, read as one). */
export function departmentSheetPart(s: NamedGrid): DepartmentPart | undefined {
  return s.name.includes('部门整体') ? readDepartmentSheet(s.grid, s.name) : undefined;
}

/** The department sheet: the one named `部门整体绩效目标` (or a name holding 部门整体) that reads as one. */
export function findDepartmentSheet(sheets: readonly NamedGrid[]): DepartmentPart | undefined {
  for (const s of sheets) {
    const part = departmentSheetPart(s);
    if (part) return part;
  }
  return undefined;
}

/**
 * D001/D002 on the workbook's department sheet, if it has one, and the I-rules on its
 * department-wide indicator table; each finding takes its rule's setting in the profile.
 */
export function checkDepartmentSheets(sheets: readonly NamedGrid[], profile: Profile): Finding[] {
  const part = findDepartmentSheet(sheets);
  return part ? applyRuleSettings(checkDepartment(part, profile), profile) : [];
}
