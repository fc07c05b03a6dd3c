/**
 * The browser preview's workbook: the preview host (an in-memory Excel behind the Office.js API
 * subset the add-in uses) seeded with the ten tables of the seed document, and the Excel layer's
 * own service running on it — the code path the add-in takes in Excel.
 */
import { importTables } from '../../core/importTables';
import { createWorkbookService } from '../../excel/service';
import { PreviewHost, createPreviewHost } from '../../preview';
import { DocumentPort, documentPort } from '../documents';
import { excelPort } from '../excelPort';
import { WorkbookPort } from '../port';
import { WorkbookView } from './PreviewApp';
import seed from './seed/xinzhai-2022-targets.json';

/** The sheet a new workbook starts with; the preview drops it once the seed is in. */
const BLANK_SHEET = 'Sheet1';

function workbookView(host: PreviewHost): WorkbookView {
  return {
    subscribe: (listener) => host.subscribe(listener),
    sheetNames: () => host.sheetNames(),
    activeSheet: () => host.activeSheet(),
    selection: () => host.selection(),
    sheet: (name) => host.snapshot()[name],
    activate: (name) =>
      host.asUser(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
      }),
    edit: (sheet, address, input) =>
      host.cell(sheet, address).validation?.inCellDropDown ? host.userChoose(sheet, address, input) : host.userEdit(sheet, address, input),
    select: (sheet, address) => host.userSelect(sheet, address),
  };
}

export async function startPreview(displayLanguage: string): Promise<{ port: WorkbookPort; workbook: WorkbookView; documents: DocumentPort }> {
  const host = createPreviewHost({ displayLanguage });
  const service = createWorkbookService({ run: host.run.bind(host), office: host.office });
  const tables = importTables(seed);
  if (!tables.ok) throw new Error(`seed: ${tables.errors.join('; ')}`);
  const sheets = await service.insertTables(tables.tables);
  await host.asUser(async (context) => {
    const worksheets = context.workbook.worksheets;
    if (!sheets.includes(BLANK_SHEET)) worksheets.getItem(BLANK_SHEET).delete();
    worksheets.getItem(sheets[0]).activate();
  });
  // A browser downloads files: the preview exports the publication document as one.
  return { port: excelPort(service), workbook: workbookView(host), documents: documentPort(service, true) };
}
