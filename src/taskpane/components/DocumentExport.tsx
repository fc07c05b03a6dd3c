import { Button, MessageBar, MessageBarActions, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { countBySeverity } from '../../core/finding';
import { tableToInput } from '../../core/layout/input';
import { documentText, downloadFile } from '../documentText';
import { DocumentPort } from '../documents';
import { useI18n } from '../i18n';
import { WorkbookState } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The file name: the department's name (without its code) and the year, e.g. `乐亭县新寨镇人民政府2022年绩效目标.docx`. */
export function exportFileName(state: WorkbookState): string {
  const first = state.tables[0];
  const department = (first?.department.text ?? '').replace(/^\d+/, '').trim();
  const year = first?.year;
  return `${department}${year ? `${year}年` : ''}绩效目标公开文档.docx`.replace(/[\\/:*?"<>|]/g, '');
}

/** 汇总 → 导出公开文档: the publication .docx, downloaded; with errors only once the officer confirms. */
export function DocumentExport({ documents, state }: { documents: DocumentPort; state: WorkbookState | undefined }) {
  const styles = useStyles();
  const { language } = useI18n();
  const tx = (key: Parameters<typeof documentText>[1], values?: Record<string, string | number>) => documentText(language, key, values);
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<{ file: string; n: number }>();
  const errors = state ? countBySeverity(state.findings).error : 0;

  const exporter = useAction(async (current: WorkbookState) => {
    const [{ exportDocx }, department] = await Promise.all([import(/* webpackChunkName: "docx" */ '../../docx'), documents.readDepartment()]);
    const bytes = await exportDocx(current.tables.map(tableToInput), department);
    const file = exportFileName(current);
    downloadFile(bytes, file);
    return { file, n: current.tables.length };
  });

  const run = async () => {
    setAsking(false);
    setDone(undefined);
    if (!state) return;
    const r = await exporter.run(state);
    if (r.ok) setDone(r.value);
  };
  const onExport = () => {
    setDone(undefined);
    if (errors > 0) setAsking(true);
    else void run();
  };

  const noTables = !state || state.tables.length === 0;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="docx-export">
      <Subtitle1 as="h2" id={headingId}>
        {tx('exportHeading')}
      </Subtitle1>
      <Text>{tx('exportHint')}</Text>
      {!documents.canDownload ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{tx('noDownload')}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={noTables || exporter.busy || asking} onClick={onExport}>
            {tx('exportButton')}
          </Button>
        </div>
      )}
      {documents.canDownload && state && noTables && <Text>{tx('exportNoTables')}</Text>}
      {asking && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{tx('exportErrors', { n: errors })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void run()}>
              {tx('exportAnyway')}
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              {tx('cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{tx('exportDone', done)}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={exporter.error} onDismiss={exporter.clearError} />
    </section>
  );
}
