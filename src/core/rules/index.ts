/** All rules of SPEC §4, and validation of a table or a workbook with them. */
import { Finding, compareFindings } from '../finding';
import { parseA1 } from '../grid';
import { TargetTable } from '../model';
import { Profile } from '../profile';
import { AMOUNT_RULES } from './amounts';
import { FORMAT_RULES } from './format';
import { GOAL_RULES } from './goals';
import { IDENTITY_RULES } from './identity';
import { INDICATOR_RULES } from './indicators';
import { READING_RULES } from './reading';
import { TableRule } from './rule';
import { SPENDING_PLAN_RULES } from './spendingPlan';
import { WORKBOOK_RULES } from './workbook';

/** Every rule on one table, in family order. */
export const TABLE_RULES: readonly TableRule[] = [
  ...IDENTITY_RULES,
  ...AMOUNT_RULES,
  ...SPENDING_PLAN_RULES,
  ...GOAL_RULES,
  ...INDICATOR_RULES,
  ...FORMAT_RULES,
  ...READING_RULES,
];

/** Row and column of a finding's cell; an address that is not a cell sorts last. */
function position(cell: string): [number, number] {
  try {
    const { row, col } = parseA1(cell);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  }
}

/** Errors first, then warnings, then infos; within each by sheet order, row, column (stable). */
function sortFindings(findings: Finding[], sheets: readonly string[]): Finding[] {
  const order = new Map(sheets.map((s, i) => [s, i]));
  const keyed = findings.map((f) => ({ f, sheet: order.get(f.sheet) ?? sheets.length, at: position(f.cell) }));
  keyed.sort(
    (a, b) => compareFindings(a.f, b.f) || a.sheet - b.sheet || a.at[0] - b.at[0] || a.at[1] - b.at[1],
  );
  return keyed.map((k) => k.f);
}

/** Appends one by one: spreading a rule's findings into `push` overflows the stack on a huge sheet. */
function append(into: Finding[], findings: readonly Finding[]): void {
  for (const f of findings) into.push(f);
}

function tableFindings(table: TargetTable, profile: Profile, into: Finding[] = []): Finding[] {
  for (const rule of TABLE_RULES) append(into, rule(table, profile));
  return into;
}

/** The findings on one table, sorted. */
export function validateTable(table: TargetTable, profile: Profile): Finding[] {
  return sortFindings(tableFindings(table, profile), [table.sheet]);
}

/** The findings on every table of a workbook and across them (T003, W001), sorted. */
export function validateWorkbook(tables: readonly TargetTable[], profile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) tableFindings(table, profile, findings);
  for (const rule of WORKBOOK_RULES) append(findings, rule(tables, profile));
  return sortFindings(
    findings,
    tables.map((t) => t.sheet),
  );
}
