/** All rules of SPEC §4, and validation of a table or a workbook with them. */
import { D001, D002 } from '../department/rules';
import { Finding, RULE_IDS, RuleId, severityRank } from '../finding';
import { parseA1 } from '../grid';
import { TargetTable } from '../model';
import { Profile, ruleSetting } from '../profile';
import { W002 } from '../summary';
import { AMOUNT_META, AMOUNT_RULES } from './amounts';
import { BASIS_META, BASIS_RULES } from './basis';
import { COPIED_BLOCKS_META, copiedBlocks } from './copiedBlocks';
import { FORMAT_META, FORMAT_RULES } from './format';
import { GOAL_META, GOAL_RULES } from './goals';
import { IDENTITY_META, IDENTITY_RULES } from './identity';
import { INDICATOR_META, INDICATOR_RULES } from './indicators';
import { READING_META, READING_RULES } from './reading';
import { RuleMeta, TableRule, WorkbookRule } from './rule';
import { SPENDING_PLAN_META, SPENDING_PLAN_RULES } from './spendingPlan';
import { VALUE_META, VALUE_RULES } from './values';
import { WEIGHT_META, WEIGHT_RULES } from './weights';
import { WORKBOOK_META, WORKBOOK_RULES } from './workbook';

/** Every rule on one table, in family order. */
export const TABLE_RULES: readonly TableRule[] = [
  ...IDENTITY_RULES,
  ...AMOUNT_RULES,
  ...SPENDING_PLAN_RULES,
  ...GOAL_RULES,
  ...INDICATOR_RULES,
  ...VALUE_RULES,
  ...BASIS_RULES,
  ...WEIGHT_RULES,
  ...FORMAT_RULES,
  ...READING_RULES,
];

/** Every rule across the tables of a workbook. */
const ACROSS_TABLES: readonly WorkbookRule[] = [...WORKBOOK_RULES, copiedBlocks];

const BY_ID = new Map<RuleId, RuleMeta>(
  [
    ...IDENTITY_META, ...AMOUNT_META, ...SPENDING_PLAN_META, ...GOAL_META, ...INDICATOR_META, ...VALUE_META,
    ...BASIS_META, ...WEIGHT_META, ...FORMAT_META, ...WORKBOOK_META, ...COPIED_BLOCKS_META, W002,
    ...READING_META, D001, D002,
  ].map((m) => [m.id, m]),
);

/** The metadata of every rule, in the order of SPEC §4: what `budget-targets rules` prints. */
export const RULE_META: readonly RuleMeta[] = RULE_IDS.map((id) => {
  const meta = BY_ID.get(id);
  if (!meta) throw new Error(`rule ${id} has no metadata`);
  return meta;
});

/** Columns fit below this (`ZZZ`, the widest address `parseA1` reads, is column 18,278). */
const ROW_STRIDE = 32_768;
const positions = new Map<string, number>();

/**
 * Row and column of a finding's cell as one number in row-major order; an address that is not
 * a cell sorts last. Cached by address: the same cells recur on every table.
 */
function position(cell: string): number {
  let at = positions.get(cell);
  if (at === undefined) {
    try {
      const { row, col } = parseA1(cell);
      at = row * ROW_STRIDE + col;
    } catch {
      at = Number.MAX_SAFE_INTEGER;
    }
    if (positions.size > 50_000) positions.clear();
    positions.set(cell, at);
  }
  return at;
}

/** Errors first, then warnings, then infos; within each by sheet order, row, column (stable). */
function sortFindings(findings: Finding[], sheets: readonly string[]): Finding[] {
  const order = new Map(sheets.map((s, i) => [s, i]));
  // Severity and sheet in one number (a sheet not listed sorts after the listed ones), then the cell.
  const perSeverity = sheets.length + 1;
  const keyed = findings.map((f) => ({ f, group: severityRank(f.severity) * perSeverity + (order.get(f.sheet) ?? sheets.length), at: position(f.cell) }));
  keyed.sort((a, b) => a.group - b.group || a.at - b.at);
  return keyed.map((k) => k.f);
}

/**
 * The severities the profile sets (SPEC §4a): a finding takes its rule's setting, and the
 * findings of a rule turned off are dropped. A rule may report some findings below its usual
 * severity (I017's info for `≥100%`); a setting in the profile applies to all of them.
 */
export function applyRuleSettings(findings: readonly Finding[], profile: Profile): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = ruleSetting(profile, f.rule, f.severity);
    if (setting === 'off') continue;
    out.push(setting === f.severity ? f : { ...f, severity: setting });
  }
  return out;
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
  return sortFindings(applyRuleSettings(tableFindings(table, profile), profile), [table.sheet]);
}

/** The findings on every table of a workbook and across them (T003, W001), sorted. */
export function validateWorkbook(tables: readonly TargetTable[], profile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) tableFindings(table, profile, findings);
  for (const rule of ACROSS_TABLES) append(findings, rule(tables, profile));
  return sortFindings(
    applyRuleSettings(findings, profile),
    tables.map((t) => t.sheet),
  );
}
