import { Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { WorkbookPort, WorkbookState } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';
import { FindingList } from './FindingList';
import { HighlightSwitch } from './HighlightSwitch';
import { SeverityCounts, Verdict } from './Verdict';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CheckPanelProps {
  /** The live state from the workbook; undefined until first read. */
  state: WorkbookState | undefined;
  goTo: WorkbookPort['goTo'];
  applyFix: WorkbookPort['applyFix'];
  setHighlights: WorkbookPort['setHighlights'];
  highlighted?: boolean;
}

/** The verdict and the findings of the whole workbook, as they are after every edit. */
export function CheckPanel({ state, goTo, applyFix, setHighlights, highlighted = false }: CheckPanelProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const go = useAction(goTo);
  const fix = useAction(applyFix);

  if (!state) return <Spinner size="small" label={t('loading')} />;
  return (
    <div className={styles.panel}>
      <ErrorBar error={go.error ?? fix.error} onDismiss={() => (go.clearError(), fix.clearError())} />
      {state.message && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{language === 'en' ? state.message.en : state.message.zh}</MessageBarBody>
        </MessageBar>
      )}
      {state.truncated && state.truncated.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('truncated', { sheets: state.truncated.join('、') })}</MessageBarBody>
        </MessageBar>
      )}
      {state.tables.length === 0 ? (
        <Text>{t('noTables')}</Text>
      ) : (
        <>
          <Verdict ready={state.ready} findings={state.findings} />
          <Caption1>{t('tablesChecked', { n: state.tables.length })}</Caption1>
          <SeverityCounts findings={state.findings} />
          {state.findings.length === 0 && <Text>{t('noFindings')}</Text>}
        </>
      )}
      <HighlightSwitch findings={state.findings} ready={state.ready} setHighlights={setHighlights} initiallyOn={highlighted} />
      <FindingList findings={state.findings} onGoTo={(f) => void go.run(f)} onFix={(f) => void fix.run(f)} busy={fix.busy} />
    </div>
  );
}
