import { Button, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChangeEvent, useId, useRef, useState } from 'react';
import { importTables } from '../../core/importTables';
import { TableInput } from '../../core/model';
import { useI18n } from '../i18n';
import { WorkbookPort } from '../port';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The native file input stays in the page for labels and keyboard, drawn as a Fluent button instead.
  file: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Loaded = { file: string; tables: TableInput[] } | { file: string; errors: string[] };

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

/** Several tables at once from a JSON file (a list of tables, or a document's projects like the seed). */
export function JsonImport({ insertTables }: { insertTables: WorkbookPort['insertTables'] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded>();
  const [inserted, setInserted] = useState<string[]>();
  const insert = useAction(insertTables);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setInserted(undefined);
    insert.clearError();
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await readText(file));
    } catch (err) {
      setLoaded({ file: file.name, errors: [t('importNotJson', { message: err instanceof Error ? err.message : String(err) })] });
      return;
    }
    const result = importTables(json);
    setLoaded(result.ok ? { file: file.name, tables: result.tables } : { file: file.name, errors: result.errors });
  };

  const onInsert = async () => {
    if (!loaded || !('tables' in loaded)) return;
    const done = await insert.run(loaded.tables);
    if (done.ok) {
      setInserted(done.value);
      setLoaded(undefined);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={`${inputId}-heading`}>
      <Subtitle1 as="h2" id={`${inputId}-heading`}>
        {t('importHeading')}
      </Subtitle1>
      <div className={styles.actions}>
        <label htmlFor={inputId} className={styles.file}>
          {t('importChoose')}
        </label>
        <input id={inputId} ref={input} className={styles.file} type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} tabIndex={-1} />
        <Button onClick={() => input.current?.click()}>{t('importChoose')}</Button>
      </div>
      {loaded && 'errors' in loaded && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('importInvalid')}
            <ul className={styles.list}>
              {loaded.errors.map((err, i) => (
                <li key={i}>{err}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded && 'tables' in loaded && (
        <>
          <Text>{t('importFound', { n: loaded.tables.length, file: loaded.file })}</Text>
          <ol className={styles.list}>
            {loaded.tables.map((table, i) => (
              <li key={i}>{table.name || table.code}</li>
            ))}
          </ol>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={insert.busy} onClick={() => void onInsert()}>
              {t('importInsert', { n: loaded.tables.length })}
            </Button>
          </div>
        </>
      )}
      {inserted && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('inserted', { sheets: inserted.join('、') })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={insert.error} onDismiss={insert.clearError} />
    </section>
  );
}
