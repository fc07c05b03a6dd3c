/** `rules`: the rule table under the active profile, from the rules' metadata alone (SPEC §4a). */
import { Profile, PRESETS, ruleSetting } from '../core/profile';
import { RULE_META } from '../core/rules';
import { RULE_SETTING_LABEL } from './messages';

export function rulesJson(profile: Profile) {
  return {
    profile: { preset: profile.preset },
    rules: RULE_META.map((m) => ({
      id: m.id,
      severity: ruleSetting(profile, m.id, m.severity),
      fixable: m.fixable,
      description: m.description.zh,
      description_en: m.description.en,
    })),
  };
}

export function rulesText(profile: Profile): string {
  const preset = PRESETS[profile.preset].description;
  const lines = [`预设 / preset: ${profile.preset} — ${preset.zh}`, `  (${preset.en})`, ''];
  for (const m of RULE_META) {
    const setting = ruleSetting(profile, m.id, m.severity);
    const fix = m.fixable ? '可修复 fix' : '';
    lines.push(`${m.id}  ${RULE_SETTING_LABEL[setting]} ${setting.padEnd(8)} ${m.description.zh}${fix ? `（${fix}）` : ''}`);
    lines.push(`      ${' '.repeat(12)}${m.description.en}`);
  }
  return `${lines.join('\n')}\n`;
}
