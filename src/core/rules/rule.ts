/** The shape of a rule: a small pure function over parsed tables (SPEC §4). */
import { Finding, QuickFix, RuleId, Severity } from '../finding';
import { FieldKey, TargetTable } from '../model';
import { Profile } from '../profile';

export type TableRule = (table: TargetTable, profile: Profile) => Finding[];
export type WorkbookRule = (tables: readonly TargetTable[], profile: Profile) => Finding[];

/**
 * What a user or a tool needs to know of a rule (ESLint's `meta`): its ID, its severity under
 * the default preset, what it checks in one line, and whether its findings can carry a quick
 * fix. The severity in force comes from the profile (`rules`, `preset`), never from here alone.
 */
export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  description: { zh: string; en: string };
  fixable: boolean;
}

/** Builds a finding of a rule at a cell of a sheet (with the rule's default severity unless told). */
export function finding(
  meta: Pick<RuleMeta, 'id' | 'severity'>,
  sheet: string,
  cell: string,
  message: string,
  message_en: string,
  fix?: QuickFix,
  severity: Severity = meta.severity,
): Finding {
  return fix
    ? { rule: meta.id, severity, sheet, cell, message, message_en, fix }
    : { rule: meta.id, severity, sheet, cell, message, message_en };
}

/**
 * Whether a rule about a field applies: the sheet's template has the field, or the profile
 * requires it (SPEC §3a: absent fields are not defects).
 */
export function hasField(t: TargetTable, profile: Profile, key: FieldKey): boolean {
  return !t.absent?.includes(key) || profile.requiredFields.includes(key);
}
