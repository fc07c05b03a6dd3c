/**
 * The task pane, loaded by the entry (index.ts) as soon as the page starts. In Excel it runs on the
 * Excel layer's service over the real Excel.run. Opened in a plain browser (office.js resolves onReady
 * without a host, or is absent) it runs the browser preview: the same service over an in-memory
 * workbook, shown as a grid beside the pane.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeWorkbookService } from '../excel/officeHost';
import { ErrorBar } from './components/ErrorBar';
import { TaskPane } from './components/TaskPane';
import { documentPort } from './documents';
import { excelPort } from './excelPort';
import { I18nProvider, Language, languageFor } from './i18n';

const container = document.getElementById('container')!;
let root: ReturnType<typeof createRoot> | undefined;

function show(language: Language, ui: ReactNode): void {
  // Replaces the static frame of taskpane.html.
  root ??= createRoot(container);
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <I18nProvider initialLanguage={language}>{ui}</I18nProvider>
      </FluentProvider>
    </StrictMode>,
  );
}

/** Chinese unless Office's display language is English; in the preview, `?lang=en` asks for English. */
let language: Language = languageFor(new URLSearchParams(window.location.search).get('lang') ?? undefined);

/** A failure before the pane exists is still shown, never a blank pane. */
function showStartError(error: unknown): void {
  show(language, <ErrorBar error={error} title="startFailed" />);
}

function startInExcel(): void {
  language = languageFor(Office.context.displayLanguage);
  const service = createOfficeWorkbookService();
  // Only Excel on the web lets an add-in download a file; Windows and Mac get a message instead.
  const canDownload = Office.context.platform === Office.PlatformType.OfficeOnline;
  show(language, <TaskPane port={excelPort(service)} documents={documentPort(service, canDownload)} />);
}

/**
 * Outside Office, office.js loads its O15 helper, which opens a Microsoft telemetry frame three seconds
 * later. The preview makes no network requests: that frame is not opened.
 */
function keepOfficeJsOffline(): void {
  const office = window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } } };
  const endpoint = office.OSF?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
}

/**
 * The preview (in-memory workbook, seed, grid) is a separate chunk: Excel never loads it. Office adds
 * `_host_Info` to the add-in's address; without it the page is most likely the preview, whose chunks
 * are then fetched at once rather than after Office.onReady.
 */
const loadPreview = () => Promise.all([import('./preview/startPreview'), import('./preview/PreviewApp')]);
let previewModules: ReturnType<typeof loadPreview> | undefined;
if (!new URLSearchParams(window.location.search).has('_host_Info')) {
  previewModules = loadPreview();
  previewModules.catch(() => undefined);
}

async function startPreview(): Promise<void> {
  keepOfficeJsOffline();
  const [{ startPreview: start }, { PreviewApp }] = await (previewModules ?? loadPreview());
  const { port, workbook, documents } = await start(language === 'en' ? 'en-US' : 'zh-CN');
  show(language, <PreviewApp port={port} workbook={workbook} documents={documents} />);
}

function run(start: () => void | Promise<void>): void {
  try {
    Promise.resolve(start()).catch(showStartError);
  } catch (e) {
    showStartError(e);
  }
}

/** Starts the pane in Excel, or the preview outside Office. */
export function boot(): void {
  if (typeof Office === 'undefined') {
    run(startPreview);
  } else {
    void Office.onReady((info) => run(info.host === Office.HostType.Excel ? startInExcel : startPreview));
  }
}
