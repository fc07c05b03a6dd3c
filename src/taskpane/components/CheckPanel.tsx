import { Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Finding, Severity } from '../../core/finding';
import { useI18n } from '../i18n';
import { WorkbookPort, WorkbookState } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';
import { FindingFilter, GroupBy, filterFindings } from './FindingFilter';
import { FindingList } from './FindingList';
import { HighlightSwitch } from './HighlightSwitch';
import { Verdict } from './Verdict';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CheckPanelProps {
  /** The live state from the workbook; undefined until first read. */
  state: WorkbookState | undefined;
  goTo: WorkbookPort['goTo'];
  applyFix: WorkbookPort['applyFix'];
  /** Applies a rule's quick fix to all its findings (one batch); optional so a host without it offers none. */
  applyFixes?: WorkbookPort['applyFixes'];
  setHighlights: WorkbookPort['setHighlights'];
  highlighted?: boolean;
}

/** The verdict and the findings of the whole workbook, as they are after every edit. */
export function CheckPanel({ state, goTo, applyFix, applyFixes, setHighlights, highlighted = false }: CheckPanelProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const go = useAction(goTo);
  const fix = useAction(applyFix);
  const fixAll = useAction(applyFixes ?? (async () => 0));
  const [picked, setPicked] = useState<ReadonlySet<Severity>>(new Set());
  const [groupBy, setGroupBy] = useState<GroupBy>('sheet');
  const [fixedCells, setFixedCells] = useState<number>();
  const onFixAll = async (findings: Finding[]) => {
    setFixedCells(undefined);
    const done = await fixAll.run(findings);
    if (done.ok) setFixedCells(done.value);
  };

  if (!state) return <Spinner size="small" label={t('loading')} />;
  return (
    <div className={styles.panel}>
      <ErrorBar error={go.error ?? fix.error ?? fixAll.error} onDismiss={() => (go.clearError(), fix.clearError(), fixAll.clearError())} />
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
          <FindingFilter findings={state.findings} picked={picked} onPick={setPicked} groupBy={groupBy} onGroupBy={setGroupBy} />
          {state.findings.length === 0 && <Text>{t('noFindings')}</Text>}
          {picked.size > 0 && <Caption1 data-testid="filter-status">{t('filteredOut', { shown: filterFindings(state.findings, picked).length, n: state.findings.length })}</Caption1>}
        </>
      )}
      <HighlightSwitch findings={state.findings} ready={state.ready} setHighlights={setHighlights} initiallyOn={highlighted} />
      {fixedCells !== undefined && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('fixAllDone', { n: fixedCells })}</MessageBarBody>
        </MessageBar>
      )}
      <FindingList
        findings={filterFindings(state.findings, picked)}
        onGoTo={(f) => void go.run(f)}
        onFix={(f) => void fix.run(f)}
        busy={fix.busy || fixAll.busy}
        groupBy={groupBy}
        onFixAll={applyFixes ? (list) => void onFixAll(list) : undefined}
      />
    </div>
  );
}
