import {
  Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle1, Subtitle2, Text, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { countBySeverity } from '../../core/finding';
import { QUARTERS, TargetTable } from '../../core/model';
import { Profile } from '../../core/profile';
import { findingMessage, quarterKey, useI18n } from '../i18n';
import { WorkbookPort } from '../port';
import {
  FieldKey, IndicatorField, TableForm as Form, checkForm, emptyForm, indicatorKey, newIndicatorRow, planKey,
  toTableInput, workbookDepartment,
} from '../tableForm';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';
import { fieldValidation, worstFinding } from './fieldValidation';
import { IndicatorRowEditor } from './IndicatorRowEditor';

const useStyles = makeStyles({
  // Fluent's inputs and dropdowns have a minimum width wider than half a task pane.
  control: { minWidth: 0, width: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
  quarters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(62px, 1fr))', gap: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  errorText: { color: tokens.colorPaletteRedForeground1 },
  warningText: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type TextField = 'code' | 'name' | 'total' | 'fiscal' | 'other' | 'fundUse' | 'goals';

export interface TableFormProps {
  insertTables: WorkbookPort['insertTables'];
  profile: Profile;
  /** The workbook's tables: the department is suggested from them and a duplicate 项目编码 is flagged. */
  tables: readonly TargetTable[];
}

/** The form for one new target table, checked by the core rules as it is filled, then inserted as a sheet. */
export function TableForm({ insertTables, profile, tables }: TableFormProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [form, setForm] = useState<Form>(() => emptyForm(profile.requiredLevel1));
  // Findings show on the fields the officer has typed in, and on all of them once insert is pressed.
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const [revealAll, setRevealAll] = useState(false);
  // One message per insert, newest first, so a second insert does not silently replace the first one's.
  const [inserted, setInserted] = useState<{ id: number; sheets: string[] }[]>([]);
  const [nameMissing, setNameMissing] = useState(false);
  const insert = useAction(insertTables);

  const suggestedDepartment = useMemo(() => workbookDepartment(tables), [tables]);
  const check = useMemo(() => checkForm(form, suggestedDepartment, profile, tables), [form, suggestedDepartment, profile, tables]);
  const counts = countBySeverity(check.all);

  const touch = useCallback((key: FieldKey) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key))), []);
  const shown = useCallback((key: FieldKey) => (revealAll || touched.has(key) ? check.byField.get(key) : undefined), [revealAll, touched, check]);
  const v = (key: FieldKey) => fieldValidation(shown(key), language);

  const setText = (field: TextField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (field === 'name' && value.trim() !== '') setNameMissing(false);
    touch(field);
  };
  const setPlan = (i: number, value: string) => {
    setForm((f) => {
      const plan: Form['plan'] = [...f.plan];
      plan[i] = value;
      return { ...f, plan };
    });
    touch(planKey(i));
  };
  const setIndicator = useCallback(
    (id: number, field: IndicatorField, value: string) => {
      setForm((f) => ({ ...f, indicators: f.indicators.map((row) => (row.id === id ? { ...row, [field]: value } : row)) }));
      touch(indicatorKey(id, field));
    },
    [touch],
  );
  const removeIndicator = useCallback((id: number) => {
    setForm((f) => ({ ...f, indicators: f.indicators.filter((row) => row.id !== id) }));
    touch('indicators');
  }, [touch]);
  const addIndicator = () => {
    setForm((f) => ({ ...f, indicators: [...f.indicators, newIndicatorRow()] }));
    touch('indicators');
  };

  const onInsert = async () => {
    setRevealAll(true);
    // An empty form would insert a blank table full of errors: a name at least.
    if (form.name.trim() === '') {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    const done = await insert.run([toTableInput(form, suggestedDepartment)]);
    if (done.ok) {
      setInserted((list) => [{ id: Date.now() + list.length, sheets: done.value }, ...list]);
      // Ready for the next table of the same department and layout; the inserted one is checked in 检查.
      setForm((f) => ({ ...emptyForm(profile.requiredLevel1), department: f.department, layout: f.layout }));
      setTouched(new Set());
      setRevealAll(false);
    }
  };
  const onClear = () => {
    setForm(emptyForm(profile.requiredLevel1));
    setTouched(new Set());
    setRevealAll(false);
    setNameMissing(false);
    setInserted([]);
    insert.clearError();
  };

  const textInput = (field: TextField, label: string, extra: { inputMode?: 'decimal' } = {}) => (
    <Field label={label} {...v(field)}>
      <Input className={styles.control} value={form[field]} onChange={(_, d) => setText(field)(d.value)} {...extra} />
    </Field>
  );
  // Named after its box unless the message names it already.
  const planMessage = (quarter: (typeof QUARTERS)[number], message: string) =>
    message.includes(t(quarterKey(quarter))) ? message : t('planMessage', { quarter: t(quarterKey(quarter)), message });
  const planMessages = QUARTERS.flatMap((quarter, i) => {
    const finding = worstFinding(shown(planKey(i)));
    return finding ? [{ quarter, finding }] : [];
  });
  const other = [...check.other, ...(revealAll || touched.has('indicators') ? check.byField.get('indicators') ?? [] : [])];

  return (
    <form
      className={styles.form}
      aria-labelledby="table-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void onInsert();
      }}
    >
      <Subtitle1 as="h2" id="table-form-heading">
        {t('formHeading')}
      </Subtitle1>
      <Field label={t('department')} hint={t('departmentHint')} {...v('department')}>
        <Input className={styles.control}
          value={form.department ?? suggestedDepartment}
          onChange={(_, d) => {
            setForm((f) => ({ ...f, department: d.value }));
            touch('department');
          }}
        />
      </Field>
      {textInput('code', t('code'))}
      {nameMissing ? (
        <Field label={t('name')} validationState="error" validationMessage={t('nameRequired')}>
          <Input className={styles.control} value={form.name} onChange={(_, d) => setText('name')(d.value)} />
        </Field>
      ) : (
        textInput('name', t('name'))
      )}
      <div className={styles.columns}>
        {textInput('total', t('total'), { inputMode: 'decimal' })}
        {textInput('fiscal', t('fiscal'), { inputMode: 'decimal' })}
        {textInput('other', t('other'), { inputMode: 'decimal' })}
      </div>
      {textInput('fundUse', t('fundUse'))}
      <fieldset className={styles.group}>
        <legend>
          <Subtitle2>{t('spendingPlan')}</Subtitle2>
        </legend>
        <div className={styles.quarters}>
          {QUARTERS.map((q, i) => (
            // The four boxes are too narrow for a message: the box is marked, its message goes below the row.
            <Field key={q} label={t(quarterKey(q))} {...fieldValidation(shown(planKey(i)), language, { withMessage: false })}>
              <Input className={styles.control} value={form.plan[i]} placeholder={`${(i + 1) * 25}%`} inputMode="decimal" onChange={(_, d) => setPlan(i, d.value)} />
            </Field>
          ))}
        </div>
        {planMessages.length > 0 && (
          <ul className={styles.list} data-testid="plan-messages">
            {planMessages.map(({ quarter, finding }) => (
              <li key={quarter}>
                <Text size={200} className={finding.severity === 'error' ? styles.errorText : styles.warningText}>
                  {planMessage(quarter, findingMessage(finding, language))}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <Field label={t('goals')} {...v('goals')}>
        <Textarea className={styles.control} value={form.goals} resize="vertical" rows={3} onChange={(_, d) => setText('goals')(d.value)} />
      </Field>
      <fieldset className={styles.group}>
        <legend>
          <Subtitle2>{t('indicators')}</Subtitle2>
        </legend>
        {form.indicators.map((row, i) => (
          <IndicatorRowEditor key={row.id} row={row} position={i + 1} findings={shown} onChange={setIndicator} onRemove={removeIndicator} />
        ))}
        <div className={styles.actions}>
          <Button onClick={addIndicator}>{t('addIndicator')}</Button>
        </div>
      </fieldset>
      <Field label={t('layout')}>
        <RadioGroup value={form.layout} onChange={(_, d) => setForm((f) => ({ ...f, layout: d.value === 'provincial' ? 'provincial' : 'standard' }))}>
          <Radio value="standard" label={t('layoutStandard')} />
          <Radio value="provincial" label={t('layoutProvincial')} />
        </RadioGroup>
      </Field>

      {other.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('otherProblems')}
            <ul className={styles.list}>
              {other.map((f, i) => (
                <li key={i}>{findingMessage(f, language)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text role="status" data-testid="form-status">
        {/* A form not yet filled (e.g. just reset after an insert) is not counted as a table full of errors. */}
        {touched.size === 0 && !revealAll
          ? t('formEmpty')
          : counts.error + counts.warning === 0
            ? t('formClean')
            : t('formStatus', { errors: counts.error, warnings: counts.warning })}
        {(touched.size > 0 || revealAll) && counts.error > 0 && ` ${t('formStatusHint')}`}
      </Text>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={insert.busy}>
          {insert.busy ? t('inserting') : t('insert')}
        </Button>
        <Button onClick={onClear} disabled={insert.busy}>
          {t('clearForm')}
        </Button>
        {insert.busy && <Spinner size="tiny" />}
      </div>
      {inserted.map(({ id, sheets }) => (
        <MessageBar key={id} intent="success" layout="multiline">
          <MessageBarBody>{t('inserted', { sheets: sheets.join('、') })}</MessageBarBody>
        </MessageBar>
      ))}
      <ErrorBar error={insert.error} onDismiss={insert.clearError} />
    </form>
  );
}
