import { Button, Dropdown, Field, Input, Option, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Finding } from '../../core/finding';
import { BASIS_CHOICES, LEVEL1, LEVEL2_BY_LEVEL1, canonicalLevel1, canonicalLevel2 } from '../../core/taxonomy';
import { useI18n } from '../i18n';
import { FieldKey, IndicatorField, IndicatorRow, indicatorKey } from '../tableForm';
import { fieldValidation } from './fieldValidation';

const useStyles = makeStyles({
  // Fluent's inputs and dropdowns have a minimum width wider than half a task pane.
  control: { minWidth: 0, width: '100%' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
});

export interface IndicatorRowEditorProps {
  row: IndicatorRow;
  /** 1-based position, for the heading. */
  position: number;
  /** Findings per field key, only those to show. */
  findings: (key: FieldKey) => readonly Finding[] | undefined;
  onChange: (id: number, field: IndicatorField, value: string) => void;
  onRemove: (id: number) => void;
}

/** One indicator row: 一级/二级指标 from the taxonomy (二级 follows 一级), 三级指标, description, value, basis. */
export function IndicatorRowEditor({ row, position, findings, onChange, onRemove }: IndicatorRowEditorProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const level1 = canonicalLevel1(row.level1);
  const level2Choices = level1 ? LEVEL2_BY_LEVEL1[level1] : [];
  const v = (field: IndicatorField) => fieldValidation(findings(indicatorKey(row.id, field)), language);
  const headingId = `indicator-${row.id}-heading`;

  const selectLevel1 = (next: string) => {
    onChange(row.id, 'level1', next);
    const l1 = canonicalLevel1(next);
    // A 二级指标 that does not belong under the new 一级指标 is cleared rather than left wrong.
    if (row.level2 && (!l1 || !canonicalLevel2(l1, row.level2))) onChange(row.id, 'level2', '');
  };

  return (
    <section className={styles.row} aria-labelledby={headingId} data-testid={`indicator-row-${position}`}>
      <div className={styles.head}>
        <Subtitle2 as="h4" id={headingId}>
          {t('indicatorRow', { n: position })}
        </Subtitle2>
        <Button size="small" appearance="subtle" onClick={() => onRemove(row.id)} aria-label={t('removeIndicator', { n: position })}>
          ✕
        </Button>
      </div>
      <div className={styles.pair}>
        <Field label={t('level1')} {...v('level1')}>
          <Dropdown className={styles.control}
            placeholder={t('choose')}
            value={row.level1}
            selectedOptions={row.level1 ? [row.level1] : []}
            onOptionSelect={(_, data) => selectLevel1(data.optionValue ?? '')}
          >
            {LEVEL1.map((l) => (
              <Option key={l} value={l}>
                {l}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('level2')} {...v('level2')}>
          <Dropdown className={styles.control}
            placeholder={level1 ? t('choose') : t('chooseLevel1First')}
            disabled={!level1}
            value={row.level2}
            selectedOptions={row.level2 ? [row.level2] : []}
            onOptionSelect={(_, data) => onChange(row.id, 'level2', data.optionValue ?? '')}
          >
            {level2Choices.map((l) => (
              <Option key={l} value={l}>
                {l}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={t('level3')} {...v('level3')}>
        <Input className={styles.control} value={row.level3} onChange={(_, d) => onChange(row.id, 'level3', d.value)} />
      </Field>
      <Field label={t('description')} {...v('description')}>
        <Input className={styles.control} value={row.description} onChange={(_, d) => onChange(row.id, 'description', d.value)} />
      </Field>
      <div className={styles.pair}>
        <Field label={t('value')} hint={t('valueHint')} {...v('value')}>
          <Input className={styles.control} value={row.value} onChange={(_, d) => onChange(row.id, 'value', d.value)} />
        </Field>
        <Field label={t('basis')} {...v('basis')}>
          <Dropdown className={styles.control}
            placeholder={t('choose')}
            value={row.basis}
            selectedOptions={row.basis ? [row.basis] : []}
            onOptionSelect={(_, data) => onChange(row.id, 'basis', data.optionValue ?? '')}
          >
            {BASIS_CHOICES.map((b) => (
              <Option key={b} value={b}>
                {b}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </section>
  );
}
