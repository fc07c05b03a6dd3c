import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { QUARTERS } from '../../core/model';
import { Summary } from '../../core/summary';
import { quarterKey, useI18n } from '../i18n';
import { WorkbookPort } from '../port';
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

/** Creates or updates the summary sheet and shows its totals. */
export function SummaryPanel({ writeSummary }: { writeSummary: WorkbookPort['writeSummary'] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [written, setWritten] = useState<{ sheet: string; summary: Summary }>();
  const write = useAction(writeSummary);

  const onWrite = async () => {
    const done = await write.run();
    if (done.ok) setWritten(done.value);
  };

  const totals = written?.summary.totals;
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
      {written && totals && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t('summaryWritten', { sheet: written.sheet, n: written.summary.rows.length })}</MessageBarBody>
          </MessageBar>
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
