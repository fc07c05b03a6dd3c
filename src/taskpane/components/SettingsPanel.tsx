import {
  Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle1, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { codePatternProblem, describeCodePattern } from '../../core/codePattern';
import { DEFAULT_PROFILE, PresetName, Profile, RuleSettings as Settings, presetProfile } from '../../core/profile';
import { LEVEL1 } from '../../core/taxonomy';
import { compileSafePattern } from '../../core/safePattern';
import { useI18n } from '../i18n';
import { WorkbookPort } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';
import { RuleSettings } from './RuleSettings';

const useStyles = makeStyles({
  // Fluent's inputs and dropdowns have a minimum width wider than half a task pane.
  control: { minWidth: 0, width: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  checks: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The profile as typed: numbers stay text until they are checked. */
interface Draft {
  /** Kept as loaded: the preset's and the profile's own values the panel does not edit. */
  base: Profile;
  preset: PresetName;
  rules: Settings;
  requiredLevel1: string[];
  satisfactionMin: string;
  codePattern: string;
  amountDecimals: string;
}

const toDraft = (p: Profile): Draft => ({
  base: p,
  preset: p.preset,
  rules: { ...p.rules },
  requiredLevel1: [...p.requiredLevel1],
  satisfactionMin: String(p.satisfactionMin),
  codePattern: p.codePattern,
  amountDecimals: String(p.amountDecimals),
});

type Checked = { profile: Profile; problems: Partial<Record<keyof Draft, string>> };

/** Why the core would refuse the pattern (core/safePattern.ts: bounded-time subset), in the pane's language. */
function regexProblem(pattern: string, english: boolean): string | undefined {
  const safe = compileSafePattern(pattern);
  return safe.ok ? undefined : english ? safe.message_en : safe.message;
}

export interface SettingsPanelProps {
  loadProfile: WorkbookPort['loadProfile'];
  saveProfile: WorkbookPort['saveProfile'];
  /** Told of the profile once saved, so the form checks with it too. */
  onSaved?: (profile: Profile) => void;
}

/** The rule profile stored in the workbook: required 一级指标, 满意度 minimum, code pattern, decimals. */
export function SettingsPanel({ loadProfile, saveProfile, onSaved }: SettingsPanelProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Draft>();
  /** What the last save did: the officer's changes, or 恢复默认 (which applies at once). */
  const [saved, setSaved] = useState<'saved' | 'restored' | false>(false);
  const [loadError, setLoadError] = useState<unknown>();
  const save = useAction(saveProfile);

  useEffect(() => {
    let live = true;
    loadProfile().then(
      (p) => {
        if (!live) return;
        setDraft(toDraft(p));
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(e);
        setDraft(toDraft(DEFAULT_PROFILE));
      },
    );
    return () => {
      live = false;
    };
  }, [loadProfile]);

  if (!draft) return <Spinner size="small" label={t('loading')} />;

  const check = (d: Draft): Checked => {
    const problems: Checked['problems'] = {};
    const satisfaction = Number(d.satisfactionMin);
    if (d.satisfactionMin.trim() === '' || !(satisfaction >= 0 && satisfaction <= 100)) problems.satisfactionMin = t('settingsSatisfactionRange');
    const decimals = Number(d.amountDecimals);
    if (d.amountDecimals.trim() === '' || !Number.isInteger(decimals) || decimals < 0 || decimals > 6) problems.amountDecimals = t('settingsDecimalsRange');
    // In the pane's language, never the JavaScript engine's English message; a pattern the core would refuse is said so.
    const described = codePatternProblem(d.codePattern);
    const regex = (described && (language === 'en' ? described.en : described.zh)) ?? regexProblem(d.codePattern, language !== 'zh-CN');
    if (regex !== undefined) problems.codePattern = t('settingsCodePatternInvalid', { message: regex });
    return {
      problems,
      profile: {
        ...d.base,
        preset: d.preset,
        rules: d.rules,
        // In the taxonomy's order, whatever order they were ticked in.
        requiredLevel1: LEVEL1.filter((l) => d.requiredLevel1.includes(l)),
        satisfactionMin: satisfaction,
        codePattern: d.codePattern,
        amountDecimals: decimals,
      },
    };
  };
  const checked = check(draft);
  const valid = Object.keys(checked.problems).length === 0;
  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setSaved(false);
  };
  const problem = (key: keyof Draft) =>
    checked.problems[key] ? { validationState: 'error' as const, validationMessage: checked.problems[key] } : {};

  const onSave = async () => {
    if (!valid) return;
    setSaved(false);
    const done = await save.run(checked.profile);
    if (done.ok) {
      setSaved('saved');
      onSaved?.(checked.profile);
    }
  };
  /** 恢复默认 applies at once: the defaults are saved and the workbook is checked with them. */
  const onRestore = async () => {
    setDraft(toDraft(DEFAULT_PROFILE));
    setSaved(false);
    const done = await save.run(DEFAULT_PROFILE);
    if (done.ok) {
      setSaved('restored');
      onSaved?.(DEFAULT_PROFILE);
    }
  };
  const means = checked.problems.codePattern ? undefined : describeCodePattern(draft.codePattern);
  const meansText = means
    ? t('settingsCodePatternMeans', {
        words: language === 'en' ? means.en : means.zh,
        example: means.example ? t('settingsCodePatternExample', { code: means.example }) : '',
      })
    : undefined;

  return (
    <form
      className={styles.form}
      aria-labelledby="settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <Subtitle1 as="h2" id="settings-heading">
        {t('settingsHeading')}
      </Subtitle1>
      <ErrorBar error={loadError} onDismiss={() => setLoadError(undefined)} />
      <RuleSettings
        preset={draft.preset}
        rules={draft.rules}
        onPreset={(preset) => edit(toDraft(presetProfile(preset)))}
        onRules={(rules) => edit({ rules })}
      />
      <fieldset className={styles.checks} style={{ border: 'none', margin: 0, padding: 0 }}>
        <legend>{t('settingsRequired')}</legend>
        {LEVEL1.map((l) => (
          <Checkbox
            key={l}
            label={l}
            checked={draft.requiredLevel1.includes(l)}
            onChange={(_, d) =>
              edit({ requiredLevel1: d.checked ? [...draft.requiredLevel1, l] : draft.requiredLevel1.filter((x) => x !== l) })
            }
          />
        ))}
      </fieldset>
      <Field label={t('settingsSatisfaction')} {...problem('satisfactionMin')}>
        <Input className={styles.control} type="number" min={0} max={100} value={draft.satisfactionMin} onChange={(_, d) => edit({ satisfactionMin: d.value })} />
      </Field>
      <Field label={t('settingsCodePattern')} hint={meansText} {...problem('codePattern')}>
        <Input className={styles.control} value={draft.codePattern} onChange={(_, d) => edit({ codePattern: d.value })} spellCheck={false} />
      </Field>
      <Field label={t('settingsDecimals')} {...problem('amountDecimals')}>
        <Input className={styles.control} type="number" min={0} max={6} step={1} value={draft.amountDecimals} onChange={(_, d) => edit({ amountDecimals: d.value })} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!valid || save.busy}>
          {save.busy ? t('settingsSaving') : t('settingsSave')}
        </Button>
        <Button onClick={() => void onRestore()} disabled={save.busy}>
          {t('settingsDefaults')}
        </Button>
      </div>
      {saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t(saved === 'restored' ? 'settingsRestored' : 'settingsSaved')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
