/**
 * The rule table of the report's `规则` sheet, under the active profile: the core's rule
 * metadata (SPEC §4a), the same source `budget-targets rules` prints, so the report and the
 * command never disagree about what is checked.
 */
import { RuleId } from '../core/finding';
import { Profile, RuleSetting, ruleSetting } from '../core/profile';
import { RULE_META } from '../core/rules';

export interface RuleRow {
  id: RuleId;
  /** The severity under the profile, or `off`. */
  severity: RuleSetting;
  /** What the rule looks for, in Chinese (the report's language). */
  description: string;
}

/** Every rule the core runs, in the order of SPEC §4, with its setting under `profile`. */
export function ruleTable(profile: Profile): RuleRow[] {
  return RULE_META.map((m) => ({ id: m.id, severity: ruleSetting(profile, m.id, m.severity), description: m.description.zh }));
}
