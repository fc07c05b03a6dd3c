/**
 * The Excel layer's workbook service as the pane's port: the same service runs in Excel (on the
 * real Excel.run) and in the browser preview (on the preview host), so the pane has one code path.
 */
import type { WorkbookService } from '../excel/service';
import { HostMessage, WorkbookPort } from './port';

export function excelPort(service: WorkbookService): WorkbookPort {
  return {
    start: (listener) => service.start(listener),
    insertTables: (tables) => service.insertTables(tables),
    goTo: (finding) => service.goTo(finding),
    applyFix: (finding) => service.applyFix(finding),
    applyFixes: (findings) => service.applyFixes(findings),
    writeSummary: () => service.writeSummary(),
    loadProfile: () => service.loadProfile(),
    saveProfile: (profile) => service.saveProfile(profile),
    notices: () => {
      // When the baseline is missing, start() fails with that message: it is shown as the error.
      const degraded = service.requirements.ok ? service.requirements.message : undefined;
      return [degraded, service.profileStatus().message].filter((m): m is HostMessage => m !== undefined);
    },
    highlighted: () => service.highlighted(),
    setHighlights: async (on, findings) => {
      // The service diffs against what it coloured before, so a new set of findings needs no clear first.
      if (on) await service.highlightFindings(findings);
      else await service.clearHighlights();
    },
  };
}
