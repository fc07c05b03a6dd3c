import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PRESETS, PRESET_NAMES, PresetName, RuleSetting, RuleSettings as Settings, ruleSetting, presetProfile } from '../../core/profile';
import { RULE_META } from '../../core/rules';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  control: { minWidth: 0, width: '100%' },
  rules: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxHeight: '320px', overflowY: 'auto' },
  row: { display: 'grid', gridTemplateColumns: '3.5em 1fr', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  description: { fontSize: tokens.fontSizeBase200 },
});

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export interface RuleSettingsProps {
  preset: PresetName;
  rules: Settings;
  onPreset: (preset: PresetName) => void;
  onRules: (rules: Settings) => void;
}

/** The preset, and each rule's severity over it (`''` follows the preset), from the rules' metadata. */
export function RuleSettings({ preset, rules, onPreset, onRules }: RuleSettingsProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const base = presetProfile(preset);
  const own = Object.keys(rules).length;
  const description = (d: { zh: string; en: string }) => (language === 'en' ? d.en : d.zh);
  return (
    <>
      <Field label={t('settingsPreset')} hint={description(PRESETS[preset].description)}>
        <Select className={styles.control} value={preset} onChange={(_, d) => onPreset(d.value as PresetName)}>
          {PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)} style={{ justifyContent: 'flex-start' }}>
        {t('settingsRules')}
        {own ? ` (${own})` : ''} {open ? '▾' : '▸'}
      </Button>
      {open && (
      <fieldset className={styles.rules} style={{ border: 'none', margin: 0, padding: 0 }}>
        <legend>{t('settingsRules')}</legend>
        {RULE_META.map((m) => {
          const inherited = ruleSetting(base, m.id, m.severity);
          return (
            <div key={m.id} className={styles.row}>
              <span title={description(m.description)}>{m.id}</span>
              <Select
                className={styles.control}
                size="small"
                aria-label={`${m.id} ${description(m.description)}`}
                value={rules[m.id] ?? ''}
                onChange={(_, d) => {
                  const next = { ...rules };
                  if (d.value === '') delete next[m.id];
                  else next[m.id] = d.value as RuleSetting;
                  onRules(next);
                }}
              >
                <option value="">{t('settingsRuleFollow', { severity: t(`settingsSeverity_${inherited}`) })}</option>
                {SETTINGS.map((s) => (
                  <option key={s} value={s}>
                    {t(`settingsSeverity_${s}`)}
                  </option>
                ))}
              </Select>
              <span />
              <span className={styles.description}>{description(m.description)}</span>
            </div>
          );
        })}
      </fieldset>
      )}
    </>
  );
}
