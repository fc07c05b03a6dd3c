/**
 * The Excel layer's workbook service as the pane's port: the same service runs in Excel (on the
 * real Excel.run) and in the browser preview (on the preview host), so the pane has one code path.
 */
import type { WorkbookService } from '../excel/service';
import { WorkbookPort } from './port';

export function excelPort(service: WorkbookService): WorkbookPort {
  return {
    start: (listener) => service.start(listener),
    insertTables: (tables) => service.insertTables(tables),
    goTo: (finding) => service.goTo(finding),
    applyFix: (finding) => service.applyFix(finding),
    writeSummary: () => service.writeSummary(),
    loadProfile: () => service.loadProfile(),
    saveProfile: (profile) => service.saveProfile(profile),
  };
}
