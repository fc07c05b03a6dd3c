/** The shape of a rule: a small pure function over parsed tables (SPEC §4). */
import { Finding, QuickFix, RuleId, Severity } from '../finding';
import { FieldKey, TargetTable } from '../model';
import { Profile } from '../profile';

export type TableRule = (table: TargetTable, profile: Profile) => Finding[];
export type WorkbookRule = (tables: readonly TargetTable[], profile: Profile) => Finding[];

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
}

/** Builds a finding of a rule at a cell of a sheet. */
export function finding(
  meta: RuleMeta,
  sheet: string,
  cell: string,
  message: string,
  message_en: string,
  fix?: QuickFix,
): Finding {
  return fix
    ? { rule: meta.id, severity: meta.severity, sheet, cell, message, message_en, fix }
    : { rule: meta.id, severity: meta.severity, sheet, cell, message, message_en };
}

/**
 * Whether a rule about a field applies: the sheet's template has the field, or the profile
 * requires it (SPEC §3a: absent fields are not defects).
 */
export function hasField(t: TargetTable, profile: Profile, key: FieldKey): boolean {
  return !t.absent?.includes(key) || profile.requiredFields.includes(key);
}
