import { Radio, RadioGroup, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Finding, Severity, countBySeverity } from '../../core/finding';
import { countKey, useI18n } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  badge: { minWidth: 0, borderRadius: tokens.borderRadiusCircular, padding: `0 ${tokens.spacingHorizontalS}` },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  group: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type GroupBy = 'sheet' | 'rule';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The severities shown: all when none is picked. */
export const filterFindings = (findings: readonly Finding[], picked: ReadonlySet<Severity>): Finding[] =>
  picked.size === 0 ? [...findings] : findings.filter((f) => picked.has(f.severity));

export interface FindingFilterProps {
  findings: readonly Finding[];
  picked: ReadonlySet<Severity>;
  onPick: (picked: ReadonlySet<Severity>) => void;
  groupBy: GroupBy;
  onGroupBy: (groupBy: GroupBy) => void;
}

/** The 错误/警告/提示 counts as toggle badges that narrow the list, and the grouping (by sheet or by rule). */
export function FindingFilter({ findings, picked, onPick, groupBy, onGroupBy }: FindingFilterProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const counts = countBySeverity(findings);
  const toggle = (s: Severity) => {
    const next = new Set(picked);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    onPick(next);
  };
  return (
    <div className={styles.bar}>
      <div className={styles.counts} role="group" aria-label={t('filterLabel')}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            shape="circular"
            className={mergeClasses(styles.badge, styles[s])}
            checked={picked.has(s)}
            disabled={counts[s] === 0 && !picked.has(s)}
            onClick={() => toggle(s)}
            data-testid={`filter-${s}`}
          >
            {t(countKey(s), { n: counts[s] })}
          </ToggleButton>
        ))}
      </div>
      <RadioGroup layout="horizontal" aria-label={t('groupBy')} value={groupBy} onChange={(_, d) => onGroupBy(d.value === 'rule' ? 'rule' : 'sheet')} className={styles.group}>
        <Radio value="sheet" label={t('groupBySheet')} />
        <Radio value="rule" label={t('groupByRule')} />
      </RadioGroup>
    </div>
  );
}
