import { Caption1, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Finding } from '../../core/finding';
import { useI18n } from '../i18n';
import { WorkbookPort } from '../port';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  help: { color: tokens.colorNeutralForeground3 },
});

/** What the colours in the sheet should show: nothing, or these cells at these severities. */
const wanted = (on: boolean, findings: readonly Finding[]) =>
  on ? `on\n${findings.map((f) => `${f.sheet}\u0000${f.cell}\u0000${f.severity}`).sort().join('\n')}` : 'off';

export interface HighlightSwitchProps {
  findings: readonly Finding[];
  /** The workbook may be sent: then colours left on are worth a reminder. */
  ready: boolean;
  setHighlights: WorkbookPort['setHighlights'];
  /** The workbook already carries our colours (the pane was reloaded with highlighting on). */
  initiallyOn?: boolean;
}

/**
 * Colours the findings' cells in the sheet while on; off by default, since a workbook sent to the
 * bureau must not carry them. The colours follow the findings, but only when the cells or their
 * severities change: a re-read the colouring itself caused (Excel may report a format change as a
 * change) finds the same findings and colours nothing again, so there is no loop.
 */
export function HighlightSwitch({ findings, ready, setHighlights, initiallyOn = false }: HighlightSwitchProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const helpId = useId();
  const [on, setOn] = useState(initiallyOn);
  const [error, setError] = useState<unknown>();
  /** What the sheet shows, or is being made to show. */
  // Colours left from before a reload are brought up to date with the first findings.
  const applied = useRef(initiallyOn ? 'on (from before)' : wanted(false, []));
  /** One call to the host at a time, in order. */
  const queue = useRef(Promise.resolve());

  const apply = useCallback(
    (next: boolean, findings: readonly Finding[]) => {
      const list = next ? findings : [];
      const target = wanted(next, list);
      if (target === applied.current) return;
      const before = applied.current;
      applied.current = target;
      queue.current = queue.current.then(async () => {
        try {
          await setHighlights(next, list);
          setError(undefined);
        } catch (e) {
          setError(e ?? new Error('unknown error'));
          // Unless asked for something else meanwhile, the sheet still shows what it showed before.
          if (applied.current === target) {
            applied.current = before;
            setOn(before !== 'off');
          }
        }
      });
    },
    [setHighlights],
  );

  useEffect(() => apply(on, findings), [apply, on, findings]);

  return (
    <div className={styles.block}>
      <Switch label={t('highlightLabel')} checked={on} onChange={(_, d) => setOn(d.checked)} aria-describedby={helpId} />
      <Caption1 id={helpId} className={styles.help}>
        {t('highlightHelp')}
      </Caption1>
      {on && ready && (
        <MessageBar intent="warning" layout="multiline" data-testid="highlight-reminder">
          <MessageBarBody>{t('highlightSendReminder')}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} onDismiss={() => setError(undefined)} />
    </div>
  );
}
