import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { SheetSnapshot } from '../../preview';
import { ErrorBar } from '../components/ErrorBar';
import { TaskPane } from '../components/TaskPane';
import { useI18n } from '../i18n';
import { DocumentPort } from '../documents';
import { WorkbookPort } from '../port';
import { GridView } from './GridView';

/** What the preview shows of its in-memory workbook, and what the user does to it there. */
export interface WorkbookView {
  /** Called after every change to the workbook. */
  subscribe(listener: () => void): () => void;
  sheetNames(): string[];
  activeSheet(): string;
  selection(): { sheet: string; address: string };
  sheet(name: string): SheetSnapshot | undefined;
  /** The user clicks a sheet tab. */
  activate(name: string): Promise<void>;
  /**
   * The user types into a cell and presses Enter: the workbook raises its change events — except in a
   * cell with a dropdown list, where the entry counts as a choice from the list, which Excel may not
   * report (office-js #3888, #4066, #420): the add-in sees it when the selection moves.
   */
  edit(sheet: string, address: string, input: string): void;
  /** The user selects a cell: the workbook raises onSelectionChanged. */
  select(sheet: string, address: string): void;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box' },
  banner: { flexShrink: 0 },
  body: { display: 'flex', flexWrap: 'wrap', flexGrow: 1, minHeight: 0, gap: tokens.spacingHorizontalS },
  grid: { flex: '1 1 420px', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: '60vh', maxHeight: '100%', padding: tokens.spacingHorizontalS },
  pane: {
    flex: '0 0 350px',
    boxSizing: 'border-box',
    maxWidth: '100%',
    maxHeight: '100%',
    overflowY: 'auto',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The browser preview: the task pane beside a grid of the in-memory workbook, clearly labelled as a preview. */
export function PreviewApp({ port, workbook, documents }: { port: WorkbookPort; workbook: WorkbookView; documents?: DocumentPort }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [editError, setEditError] = useState<unknown>();
  useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);

  // Read the workbook again at every change (`version`).
  const view = useMemo(() => {
    const active = workbook.activeSheet();
    return { sheets: workbook.sheetNames(), active, sheet: workbook.sheet(active), selection: workbook.selection().address, version };
  }, [workbook, version]);

  const edit = (sheet: string, address: string, input: string) => {
    setEditError(undefined);
    try {
      workbook.edit(sheet, address, input);
    } catch (e) {
      setEditError(e);
    }
  };

  return (
    <div className={styles.page}>
      <MessageBar intent="warning" layout="multiline" className={styles.banner} data-testid="preview-banner">
        <MessageBarBody>
          <MessageBarTitle>{t('previewBanner')}</MessageBarTitle>
          {t('previewBannerDetail')}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.body}>
        <div className={styles.grid}>
          <ErrorBar error={editError} onDismiss={() => setEditError(undefined)} />
          <GridView
            sheets={view.sheets}
            active={view.active}
            sheet={view.sheet}
            selection={view.selection}
            onActivate={(name) => void workbook.activate(name).catch(setEditError)}
            onEdit={edit}
            onSelect={(sheet, address) => workbook.select(sheet, address)}
          />
        </div>
        <div className={styles.pane} data-testid="task-pane">
          <TaskPane port={port} documents={documents} preview />
        </div>
      </div>
    </div>
  );
}
