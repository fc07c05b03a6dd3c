import { Button, Field, Input, MessageBar, MessageBarBody, Subtitle1, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { DepartmentInput, NumberedItem } from '../../core/department/model';
import { DocumentKey, documentText } from '../documentText';
import { DocumentPort } from '../documents';
import { useI18n } from '../i18n';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  control: { minWidth: 0, width: '100%' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'grid', gridTemplateColumns: '56px 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const CHINESE = '一二三四五六七八九十';
/** The next number in the style of the list: 一 二 三 … for goals, 1 2 3 … for measures. */
function nextNumber(items: readonly NumberedItem[], chinese: boolean): string {
  const n = items.length + 1;
  return chinese && n <= CHINESE.length ? CHINESE[n - 1] : String(n);
}

const EMPTY: DepartmentInput = { department: '', overallGoal: '', goals: [{ number: '一', text: '' }], measures: [{ number: '1', text: '' }] };

/** Lines without text (a number alone, as a line just added has) are not written. */
const filled = (items: readonly NumberedItem[]) => items.filter((i) => i.text.trim() !== '');
const toInput = (f: DepartmentInput): DepartmentInput => ({ ...f, department: f.department.trim(), goals: filled(f.goals), measures: filled(f.measures) });

/**
 * 新建目标表 → the department part (第一部分): department, 总体绩效目标, numbered 分项绩效目标 and
 * 工作保障措施 (lines added and removed), inserted as a new sheet `部门整体绩效目标` (never over an
 * existing one), or loaded from the workbook's department sheet and rewritten there. A
 * department-wide indicator table loaded with the sheet is kept as it is.
 */
export function DepartmentForm({ documents }: { documents: DocumentPort }) {
  const styles = useStyles();
  const { language } = useI18n();
  const tx = (key: DocumentKey, values?: Record<string, string | number>) => documentText(language, key, values);
  const id = useId();
  const [form, setForm] = useState<DepartmentInput>(EMPTY);
  const [loadedSheet, setLoadedSheet] = useState<string>();
  const [notice, setNotice] = useState<{ intent: 'success' | 'info'; text: string }>();
  const [tried, setTried] = useState(false);
  const load = useAction(() => documents.loadDepartment());
  const insert = useAction((part: DepartmentInput) => documents.insertDepartment(part));
  const rewrite = useAction((sheet: string, part: DepartmentInput) => documents.rewriteDepartment(sheet, part));
  const missingGoal = form.overallGoal.trim() === '';

  const onLoad = async () => {
    setNotice(undefined);
    const done = await load.run();
    if (!done.ok) return;
    if (!done.value) {
      setNotice({ intent: 'info', text: tx('deptNone') });
      return;
    }
    setForm(done.value.part);
    setLoadedSheet(done.value.sheet);
    setNotice({ intent: 'info', text: tx('deptLoaded', { sheet: done.value.sheet }) });
  };

  const onInsert = async () => {
    setTried(true);
    if (missingGoal) return;
    setNotice(undefined);
    const done = await insert.run(toInput(form));
    if (done.ok) {
      setLoadedSheet(done.value);
      setNotice({ intent: 'success', text: tx('deptInserted', { sheet: done.value }) });
    }
  };

  const onRewrite = async () => {
    setTried(true);
    if (missingGoal || !loadedSheet) return;
    setNotice(undefined);
    const done = await rewrite.run(loadedSheet, toInput(form));
    if (done.ok) setNotice({ intent: 'success', text: tx('deptRewritten', { sheet: done.value }) });
  };

  const list = (key: 'goals' | 'measures', label: DocumentKey, add: DocumentKey) => {
    const items = form[key];
    const set = (items: NumberedItem[]) => setForm((f) => ({ ...f, [key]: items }));
    const change = (i: number, patch: Partial<NumberedItem>) => set(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
    return (
      <fieldset className={styles.group} data-testid={`dept-${key}`}>
        <legend>
          <Subtitle2>{tx(label)}</Subtitle2>
        </legend>
        {items.map((item, i) => (
          <div key={i} className={styles.line}>
            <Input aria-label={`${tx(label)} ${i + 1} ${tx('deptNumber')}`} className={styles.control} value={item.number} onChange={(_, d) => change(i, { number: d.value })} />
            <Textarea aria-label={`${tx(label)} ${i + 1} ${tx('deptText')}`} className={styles.control} resize="vertical" value={item.text} onChange={(_, d) => change(i, { text: d.value })} />
            <Button aria-label={`${tx(label)} ${tx('deptRemove', { n: i + 1 })}`} appearance="subtle" onClick={() => set(items.filter((_, j) => j !== i))}>
              ×
            </Button>
          </div>
        ))}
        <div className={styles.actions}>
          <Button onClick={() => set([...items, { number: nextNumber(items, key === 'goals'), text: '' }])}>{tx(add)}</Button>
        </div>
      </fieldset>
    );
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`} data-testid="department-form">
      <Subtitle1 as="h2" id={`${id}-heading`}>
        {tx('deptHeading')}
      </Subtitle1>
      <Text>{tx('deptHint')}</Text>
      <div className={styles.actions}>
        <Button disabled={load.busy} onClick={() => void onLoad()}>
          {tx('deptLoad')}
        </Button>
      </div>
      <Field label={tx('deptDepartment')}>
        <Input className={styles.control} value={form.department} onChange={(_, d) => setForm((f) => ({ ...f, department: d.value }))} />
      </Field>
      <Field
        label={tx('deptOverallGoal')}
        required
        {...(tried && missingGoal ? { validationState: 'error' as const, validationMessage: tx('deptNeedsGoal') } : {})}
      >
        <Textarea className={styles.control} resize="vertical" value={form.overallGoal} onChange={(_, d) => setForm((f) => ({ ...f, overallGoal: d.value }))} />
      </Field>
      {list('goals', 'deptGoals', 'deptAddGoal')}
      {list('measures', 'deptMeasures', 'deptAddMeasure')}
      {form.table && <Text>{tx('deptTable', { title: form.table.title, n: form.table.indicators.length })}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={insert.busy} onClick={() => void onInsert()}>
          {tx('deptInsert')}
        </Button>
        {loadedSheet && (
          <Button disabled={rewrite.busy} onClick={() => void onRewrite()}>
            {tx('deptRewrite')}
          </Button>
        )}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={load.error} onDismiss={load.clearError} />
      <ErrorBar error={insert.error} onDismiss={insert.clearError} />
      <ErrorBar error={rewrite.error} onDismiss={rewrite.clearError} />
    </section>
  );
}
