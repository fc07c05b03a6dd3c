import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { QUARTERS } from '../../core/model';
import { Summary, buildSummary } from '../../core/summary';
import { quarterKey, useI18n } from '../i18n';
import { WorkbookPort, WorkbookState } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  label: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  section: { fontWeight: tokens.fontWeightSemibold, textAlign: 'left', paddingTop: tokens.spacingVerticalS },
});

/**
 * Creates or updates the summary sheet, and shows the totals of the workbook as it is now: recomputed
 * from the live state at every change (the sheet's amounts are formulas and follow too), not the
 * figures of the last generation. Says when the sheet's 错误/警告 counts (values) are out of date.
 */
export function SummaryPanel({ writeSummary, state }: { writeSummary: WorkbookPort['writeSummary']; state?: WorkbookState }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [written, setWritten] = useState<{ sheet: string; summary: Summary }>();
  const write = useAction(writeSummary);
  const live = useMemo(() => (state ? buildSummary(state.tables, state.findings) : undefined), [state]);
  const stale = state?.summarySheet?.staleCounts ?? [];

  const onWrite = async () => {
    const done = await write.run();
    if (done.ok) setWritten(done.value);
  };

  const summary = live ?? written?.summary;
  const totals = summary && summary.rows.length > 0 ? summary.totals : undefined;
  const rows: [string, string][] = totals
    ? [
        [t('summaryTotal'), totals.total.toFixed(2)],
        [t('summaryFiscal'), totals.fiscal.toFixed(2)],
        [t('summaryOther'), totals.other.toFixed(2)],
      ]
    : [];

  return (
    <div className={styles.panel}>
      <Body1>{t('summaryIntro')}</Body1>
      <Button appearance="primary" disabled={write.busy} onClick={() => void onWrite()}>
        {write.busy ? t('summaryWriting') : t('summaryCreate')}
      </Button>
      {write.busy && <Spinner size="tiny" />}
      <ErrorBar error={write.error} onDismiss={write.clearError} />
      {written && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('summaryWritten', { sheet: written.sheet, n: written.summary.rows.length })}</MessageBarBody>
        </MessageBar>
      )}
      {state?.summarySheet && stale.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="summary-stale">
          <MessageBarBody>{t('summaryStaleCounts', { sheet: state.summarySheet.name, projects: stale.join('、') })}</MessageBarBody>
        </MessageBar>
      )}
      {summary && totals && (
        <>
          <Body1>{t('summaryLive', { n: summary.rows.length })}</Body1>
          <table className={styles.table} data-testid="summary-totals">
            <caption>
              <Subtitle2>{t('summaryTotals')}</Subtitle2>
            </caption>
            <tbody>
              {rows.map(([label, amount]) => (
                <tr key={label}>
                  <th scope="row" className={`${styles.cell} ${styles.label}`}>
                    {label}
                  </th>
                  <td className={`${styles.cell} ${styles.amount}`}>{amount}</td>
                </tr>
              ))}
              <tr>
                <th scope="rowgroup" colSpan={2} className={`${styles.cell} ${styles.section}`}>
                  {t('summaryPlanned')}
                </th>
              </tr>
              {QUARTERS.map((q, i) => (
                <tr key={q}>
                  <th scope="row" className={`${styles.cell} ${styles.label}`}>
                    {t(quarterKey(q))}
                  </th>
                  <td className={`${styles.cell} ${styles.amount}`}>{totals.planned[i].toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
