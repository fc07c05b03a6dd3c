import { Badge, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Finding, Severity } from '../../core/finding';
import { batchFixEdits } from '../../core/fixes';
import { GroupBy } from './FindingFilter';
import { findingMessage, fixDescription, severityKey, useI18n } from '../i18n';
import { SeverityCounts } from './Verdict';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHead: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  goTo: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', minWidth: 0, padding: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightRegular },
  meta: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  ruleHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Findings by rule, in the order the rules first occur (errors first, as the core sorts them). */
export function groupByRule(findings: readonly Finding[]): { rule: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups].map(([rule, list]) => ({ rule, findings: list }));
}

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** Findings by sheet, sheets with errors first, each sheet's findings in the core's order (errors first). */
export function groupBySheet(findings: readonly Finding[]): { sheet: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sheet, [...(groups.get(f.sheet) ?? []), f]);
  const hasError = (list: Finding[]) => list.some((f) => f.severity === 'error');
  return [...groups.entries()]
    .map(([sheet, list], order) => ({ sheet, findings: list, order }))
    .sort((a, b) => Number(hasError(b.findings)) - Number(hasError(a.findings)) || a.order - b.order)
    .map(({ sheet, findings: list }) => ({ sheet, findings: list }));
}

export interface FindingListProps {
  findings: readonly Finding[];
  onGoTo: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  /** A fix is being applied: the fix buttons wait. */
  busy?: boolean;
  groupBy?: GroupBy;
  /** Applies the quick fixes of a rule's findings in one batch (offered when grouped by rule). */
  onFixAll?: (findings: Finding[]) => void;
}

/** The findings of the workbook: click one to go to its cell, or apply its quick fix. */
export function FindingList({ findings, onGoTo, onFix, busy, groupBy = 'sheet', onFixAll }: FindingListProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  // The rule whose fix-all waits for confirmation, after showing how many cells it changes.
  const [confirming, setConfirming] = useState<string>();

  const items = (list: readonly Finding[], showSheet: boolean) => (
    <ul className={styles.list}>
      {list.map((f, i) => (
        <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} className={`${styles.item} ${styles[f.severity]}`} data-testid="finding" data-rule={f.rule} data-cell={f.cell} data-sheet={f.sheet} data-severity={f.severity}>
          <div className={styles.meta}>
            <Badge size="small" color={BADGE_COLOR[f.severity]}>
              {t(severityKey(f.severity))}
            </Badge>
            <Caption1>
              {showSheet ? `${f.sheet}!${f.cell}` : `${f.rule} · ${f.cell}`}
            </Caption1>
          </div>
          <Button appearance="transparent" className={styles.goTo} onClick={() => onGoTo(f)} title={t('goTo', { cell: `${f.sheet}!${f.cell}` })}>
            <Text>{findingMessage(f, language)}</Text>
          </Button>
          {f.fix && (
            <div>
              <Button size="small" disabled={busy} onClick={() => onFix(f)}>
                {t('quickFix', { fix: fixDescription(f, language) })}
              </Button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );

  if (groupBy === 'rule') {
    return (
      <div className={styles.group}>
        {groupByRule(findings).map(({ rule, findings: list }) => {
          const fixable = list.filter((f) => f.fix && f.fix.edits.length > 0);
          const edits = confirming === rule ? batchFixEdits(fixable) : [];
          return (
            <section key={rule} aria-label={t('findingsOfRule', { rule })} data-testid="rule-group" data-rule={rule}>
              <div className={styles.groupHead}>
                <div className={styles.ruleHead}>
                  <Subtitle2 as="h3">{rule}</Subtitle2>
                  <Caption1>{t('ruleCount', { n: list.length })}</Caption1>
                  {onFixAll && fixable.length > 1 && (
                    <Button size="small" disabled={busy || confirming === rule} onClick={() => setConfirming(rule)}>
                      {t('fixAll', { n: fixable.length })}
                    </Button>
                  )}
                </div>
                {confirming === rule && (
                  <MessageBar intent="info" layout="multiline" data-testid="fix-all-confirm">
                    <MessageBarBody>{t('fixAllConfirm', { cells: edits.length, sheets: new Set(edits.map((e) => e.sheet)).size })}</MessageBarBody>
                    <MessageBarActions>
                      <Button
                        size="small"
                        appearance="primary"
                        disabled={busy}
                        onClick={() => {
                          setConfirming(undefined);
                          onFixAll?.(fixable);
                        }}
                      >
                        {t('fixAllApply')}
                      </Button>
                      <Button size="small" onClick={() => setConfirming(undefined)}>
                        {t('fixAllCancel')}
                      </Button>
                    </MessageBarActions>
                  </MessageBar>
                )}
              </div>
              {items(list, true)}
            </section>
          );
        })}
      </div>
    );
  }

  return (
    <div className={styles.group}>
      {groupBySheet(findings).map(({ sheet, findings: list }) => (
        <section key={sheet} aria-label={t('findingsOf', { sheet })} data-testid="finding-group" data-sheet={sheet}>
          <div className={styles.groupHead}>
            <Subtitle2 as="h3">{sheet}</Subtitle2>
            <SeverityCounts findings={list} />
          </div>
          {items(list, false)}
        </section>
      ))}
    </div>
  );
}
