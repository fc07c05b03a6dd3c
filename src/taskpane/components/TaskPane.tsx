import { Badge, CounterBadge, Divider, Spinner, Subtitle1, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import { countBySeverity } from '../../core/finding';
import { DEFAULT_PROFILE, Profile } from '../../core/profile';
import { useI18n } from '../i18n';
import { WorkbookPort } from '../port';
import { useWorkbookState } from '../useWorkbookState';
import { DocumentPort } from '../documents';
import { CheckPanel } from './CheckPanel';
import { ErrorBar } from './ErrorBar';
import { HostNotices } from './HostNotices';
import { LanguageToggle } from './LanguageToggle';

// What the first verdict does not need loads after it, each tab in its own chunk (issue 9, item 13).
const InsertPanel = lazy(() => import(/* webpackChunkName: "insert" */ './InsertPanel').then((m) => ({ default: m.InsertPanel })));
const SummaryPanel = lazy(() => import('./SummaryPanel').then((m) => ({ default: m.SummaryPanel })));
const SettingsPanel = lazy(() => import('./SettingsPanel').then((m) => ({ default: m.SettingsPanel })));

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0 },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { minWidth: 0, margin: 0 },
  badge: { marginLeft: tokens.spacingHorizontalS, verticalAlign: 'middle' },
  tabs: { flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalS },
  // The class's display would otherwise win over the hidden attribute.
  hidden: { display: 'none' },
});

const NO_TABLES: readonly never[] = [];
// The published-document panels load with their own chunk, out of the main bundle.
const DocumentImport = lazy(() => import(/* webpackChunkName: "documents" */ './DocumentImport').then((m) => ({ default: m.DocumentImport })));
// The department form shares the table form's chunk (Fluent's Textarea, Field …), not the documents one.
const DepartmentForm = lazy(() => import(/* webpackChunkName: "insert" */ './DepartmentForm').then((m) => ({ default: m.DepartmentForm })));
const DocumentExport = lazy(() => import(/* webpackChunkName: "documents" */ './DocumentExport').then((m) => ({ default: m.DocumentExport })));
const TABS = ['insert', 'check', 'summary', 'settings'] as const;
type TabId = (typeof TABS)[number];
const TAB_LABEL = { insert: 'tabInsert', check: 'tabCheck', summary: 'tabSummary', settings: 'tabSettings' } as const;

/** The task pane: a header and four panels as tabs, all working through the workbook port. */
export function TaskPane({ port, preview = false, documents }: { port: WorkbookPort; preview?: boolean; documents?: DocumentPort }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [tab, setTab] = useState<TabId>('check');
  const { state, error } = useWorkbookState(port);
  // The form checks with the workbook's profile; the settings panel reports load errors itself.
  const [profile, setProfile] = useState<Profile>(DEFAULT_PROFILE);
  useEffect(() => {
    let live = true;
    port.loadProfile().then(
      (p) => live && setProfile(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [port]);

  // Asked again after saving the settings: a profile the host could not use is then replaced.
  const [notices, setNotices] = useState(() => port.notices());
  const onProfileSaved = (saved: Profile) => {
    setProfile(saved);
    setNotices(port.notices());
  };

  const errors = state ? countBySeverity(state.findings).error : 0;
  // Panels stay mounted while hidden, so a half-filled form survives a look at 检查.
  const panel = (id: TabId) => ({ role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, hidden: tab !== id, className: mergeClasses(styles.panel, tab !== id && styles.hidden) });

  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <Subtitle1 as="h1" className={styles.title}>
          {t('appTitle')}
          {preview && (
            <Badge appearance="tint" color="warning" className={styles.badge}>
              {t('previewBadge')}
            </Badge>
          )}
        </Subtitle1>
        <LanguageToggle />
      </header>
      <ErrorBar error={error} />
      <HostNotices notices={notices} />
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t('tabsLabel')}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {t(TAB_LABEL[id])}
            {id === 'check' && errors > 0 && <CounterBadge count={errors} size="small" color="danger" style={{ marginLeft: tokens.spacingHorizontalXS }} />}
          </Tab>
        ))}
      </TabList>
      <div {...panel('insert')}>
        <Suspense fallback={<Spinner size="small" />}>
          <InsertPanel insertTables={port.insertTables} profile={profile} tables={state?.tables ?? NO_TABLES} />
        </Suspense>
        {documents && <Divider />}
        {documents && (
          <Suspense fallback={null}>
            <DocumentImport documents={documents} />
          </Suspense>
        )}
        {documents && <Divider />}
        {documents && (
          <Suspense fallback={null}>
            <DepartmentForm documents={documents} />
          </Suspense>
        )}
      </div>
      <div {...panel('check')}>
        <CheckPanel state={state} goTo={port.goTo} applyFix={port.applyFix} applyFixes={port.applyFixes} setHighlights={port.setHighlights} highlighted={port.highlighted()} />
      </div>
      <div {...panel('summary')}>
        <Suspense fallback={<Spinner size="small" />}>
          <SummaryPanel writeSummary={port.writeSummary} state={state} />
        </Suspense>
        {documents && <Divider />}
        {documents && (
          <Suspense fallback={null}>
            <DocumentExport documents={documents} state={state} />
          </Suspense>
        )}
      </div>
      <div {...panel('settings')}>
        <Suspense fallback={<Spinner size="small" />}>
          <SettingsPanel loadProfile={port.loadProfile} saveProfile={port.saveProfile} onSaved={onProfileSaved} />
        </Suspense>
      </div>
    </main>
  );
}
