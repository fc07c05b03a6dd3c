import { Badge, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Finding, Severity, countBySeverity } from '../../core/finding';
import { countKey, useI18n } from '../i18n';

const useStyles = makeStyles({
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** The counts of findings per severity as badges. */
export function SeverityCounts({ findings }: { findings: readonly Finding[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const counts = countBySeverity(findings);
  return (
    <div className={styles.counts}>
      {(['error', 'warning', 'info'] as const).map((s) => (
        <Badge key={s} appearance={counts[s] ? 'filled' : 'outline'} color={BADGE_COLOR[s]} data-testid={`count-${s}`}>
          {t(countKey(s), { n: counts[s] })}
        </Badge>
      ))}
    </div>
  );
}

/** 可以报送 / 不能报送: the workbook may be sent when no finding is an error. */
export function Verdict({ ready, findings }: { ready: boolean; findings: readonly Finding[] }) {
  const { t } = useI18n();
  const errors = countBySeverity(findings).error;
  return (
    <MessageBar intent={ready ? 'success' : 'error'} layout="multiline" data-testid="verdict">
      <MessageBarBody>
        <MessageBarTitle>{ready ? t('verdictReady') : t('verdictNotReady')}</MessageBarTitle>
        {ready ? t('verdictReadyDetail') : t('verdictNotReadyDetail', { n: errors })}
      </MessageBarBody>
    </MessageBar>
  );
}
