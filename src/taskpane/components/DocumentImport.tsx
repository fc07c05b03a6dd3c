import { Button, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChangeEvent, useId, useRef, useState } from 'react';
import type { DocxImport } from '../../docx';
import { documentText } from '../documentText';
import { DocumentPort } from '../documents';
import { useI18n } from '../i18n';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  file: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** A bilingual error the ErrorBar shows in the pane's language. */
const problem = (m: { zh: string; en: string }) => ({ hostMessage: m });

/** Reads a published .docx (the .docx code loads only now) into tables and 第一部分. */
async function readDocument(file: File): Promise<DocxImport> {
  const { importDocx, DocxError, DOCX_PROBLEMS } = await import(/* webpackChunkName: "docx" */ '../../docx');
  let doc: DocxImport;
  try {
    doc = await importDocx(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    if (e instanceof DocxError) throw problem(DOCX_PROBLEMS[e.problem]);
    throw e;
  }
  if (!doc.hasTables) throw problem(DOCX_PROBLEMS.noTables);
  // A document whose only table is the department-wide one (第一部分) inserts the department sheet alone.
  if (!doc.tables.length && !doc.department?.table) throw problem(DOCX_PROBLEMS.noTargetTables);
  return doc;
}

/** 新建目标表 → import last year's published .docx: its tables, and its 第一部分 as the department sheet. */
export function DocumentImport({ documents }: { documents: DocumentPort }) {
  const styles = useStyles();
  const { language } = useI18n();
  const tx = (key: Parameters<typeof documentText>[1], values?: Record<string, string | number>) => documentText(language, key, values);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<{ file: string; doc: DocxImport }>();
  const [inserted, setInserted] = useState<string[]>();
  const read = useAction(readDocument);
  const insert = useAction(async (doc: DocxImport) => {
    const names = doc.department ? [await documents.insertDepartment(doc.department)] : [];
    return [...names, ...(await documents.insertTables(doc.tables))];
  });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setInserted(undefined);
    setLoaded(undefined);
    insert.clearError();
    if (!file) return;
    const done = await read.run(file);
    if (done.ok) setLoaded({ file: file.name, doc: done.value });
  };

  const onInsert = async () => {
    if (!loaded) return;
    const done = await insert.run(loaded.doc);
    if (done.ok) {
      setInserted(done.value);
      setLoaded(undefined);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={`${inputId}-heading`} data-testid="docx-import">
      <Subtitle1 as="h2" id={`${inputId}-heading`}>
        {tx('importDocxHeading')}
      </Subtitle1>
      <div className={styles.actions}>
        <label htmlFor={inputId} className={styles.file}>
          {tx('importDocxChoose')}
        </label>
        <input
          id={inputId}
          ref={input}
          className={styles.file}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => void onFile(e)}
          tabIndex={-1}
        />
        <Button disabled={read.busy} onClick={() => input.current?.click()}>
          {read.busy ? tx('importDocxReading') : tx('importDocxChoose')}
        </Button>
      </div>
      {loaded && (
        <>
          <Text>
            {tx('importDocxFound', { file: loaded.file, n: loaded.doc.tables.length })}
            {loaded.doc.department ? ` ${tx('importDocxDepartment', { goals: loaded.doc.department.goals.length })}` : ''}
          </Text>
          <ol className={styles.list}>
            {loaded.doc.tables.map((table, i) => (
              <li key={i}>{table.name || table.code}</li>
            ))}
          </ol>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={insert.busy} onClick={() => void onInsert()}>
              {tx('importDocxInsert')}
            </Button>
          </div>
        </>
      )}
      {inserted && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{tx('importDocxInserted', { sheets: inserted.join('、') })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={read.error} onDismiss={read.clearError} />
      <ErrorBar error={insert.error} onDismiss={insert.clearError} />
    </section>
  );
}
