import {
  Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle1, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DEFAULT_PROFILE, Profile } from '../../core/profile';
import { LEVEL1 } from '../../core/taxonomy';
import { useI18n } from '../i18n';
import { WorkbookPort } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  // Fluent's inputs and dropdowns have a minimum width wider than half a task pane.
  control: { minWidth: 0, width: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  checks: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The profile as typed: numbers stay text until they are checked. */
interface Draft {
  requiredLevel1: string[];
  satisfactionMin: string;
  codePattern: string;
  amountDecimals: string;
}

const toDraft = (p: Profile): Draft => ({
  requiredLevel1: [...p.requiredLevel1],
  satisfactionMin: String(p.satisfactionMin),
  codePattern: p.codePattern,
  amountDecimals: String(p.amountDecimals),
});

type Checked = { profile: Profile; problems: Partial<Record<keyof Draft, string>> };

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
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
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>();
  const [saved, setSaved] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  // Settings this panel does not edit (framework, required fields) are kept as stored.
  const [base, setBase] = useState<Profile>(DEFAULT_PROFILE);
  const save = useAction(saveProfile);

  useEffect(() => {
    let live = true;
    loadProfile().then(
      (p) => {
        if (!live) return;
        setBase(p);
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
    const regex = regexProblem(d.codePattern);
    if (regex !== undefined) problems.codePattern = t('settingsCodePatternInvalid', { message: regex });
    return {
      problems,
      profile: {
        ...base,
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
      setSaved(true);
      onSaved?.(checked.profile);
    }
  };

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
      <Field label={t('settingsCodePattern')} {...problem('codePattern')}>
        <Input className={styles.control} value={draft.codePattern} onChange={(_, d) => edit({ codePattern: d.value })} spellCheck={false} />
      </Field>
      <Field label={t('settingsDecimals')} {...problem('amountDecimals')}>
        <Input className={styles.control} type="number" min={0} max={6} step={1} value={draft.amountDecimals} onChange={(_, d) => edit({ amountDecimals: d.value })} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!valid || save.busy}>
          {save.busy ? t('settingsSaving') : t('settingsSave')}
        </Button>
        <Button onClick={() => edit(toDraft(DEFAULT_PROFILE))}>{t('settingsDefaults')}</Button>
      </div>
      {saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('settingsSaved')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
