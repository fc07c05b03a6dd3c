/** What a rule reports (SPEC §4). */

export type Severity = 'error' | 'warning' | 'info';

/** Every rule ID, in the order of SPEC §4 (the order `budget-targets rules` prints). */
export const RULE_IDS = [
  'T001', 'T002', 'T003', 'T004', 'T005',
  'A001', 'A002', 'A003', 'A004', 'A005',
  'S001', 'S002', 'S003', 'S004',
  'G001',
  'I001', 'I002', 'I003', 'I004', 'I005', 'I006', 'I007', 'I008', 'I009', 'I010',
  'I011', 'I012', 'I013', 'I014', 'I015', 'I016', 'I017', 'I018', 'I019', 'I020',
  'I021', 'I022', 'I023',
  'F001',
  'W001', 'W002', 'W003',
  'R001', 'R002', 'R003',
  'D001', 'D002',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One cell to write: a number (with an optional number format) or text, always as text. */
export interface CellEdit {
  sheet: string;
  cell: string;
  value: string | number;
  numberFormat?: string;
}

export interface QuickFix {
  description: string;
  description_en: string;
  edits: CellEdit[];
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  message_en: string;
  fix?: QuickFix;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A severity's place in the order errors, warnings, infos (0, 1, 2). */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER[severity];
}

/** By severity only: errors, then warnings, then infos (callers add their own tie-breaks). */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The workbook may be sent when no finding is an error. */
export function readyToSend(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}
