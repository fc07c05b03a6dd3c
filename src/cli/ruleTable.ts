/**
 * The rule table of the report's `规则` sheet, under the active profile. This is the one
 * place the report learns about rules: when the core exposes rule metadata with descriptions
 * (SPEC §4a), `ruleTable` returns them from there and the sheet shows them unchanged.
 */
import { RuleId, Severity } from '../core/finding';
import { Profile } from '../core/profile';

export interface RuleRow {
  id: RuleId;
  /** The severity under the profile, or `off`. */
  severity: Severity | 'off';
  /** What the rule looks for; absent while the core has no descriptions. */
  description?: string;
}

/**
 * Every rule the core runs with its severity (SPEC §4), in the order of the SPEC's table. A
 * `Record` over `RuleId`, so a rule added to the core without an entry here does not compile.
 */
const SEVERITIES: Record<RuleId, Severity> = {
  T001: 'error', T002: 'warning', T003: 'error', T004: 'error', T005: 'warning',
  A001: 'error', A002: 'error', A003: 'error', A004: 'warning', A005: 'warning',
  S001: 'error', S002: 'error', S003: 'error', S004: 'error',
  G001: 'error',
  I001: 'error', I002: 'error', I003: 'error', I004: 'error', I005: 'error', I006: 'warning', I007: 'warning',
  I008: 'error', I009: 'warning', I010: 'warning', I011: 'warning', I012: 'warning', I013: 'info',
  F001: 'info',
  W001: 'warning', W002: 'warning',
  D001: 'error', D002: 'error',
  R001: 'error', R002: 'error', R003: 'info',
};

/** The rules under `profile` (today's profiles set thresholds, not severities). */
export function ruleTable(profile: Profile): RuleRow[] {
  void profile;
  return (Object.keys(SEVERITIES) as RuleId[]).map((id) => ({ id, severity: SEVERITIES[id] }));
}
