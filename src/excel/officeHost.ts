/**
 * The one place that touches the real `Excel` and `Office` globals: builds the service's host
 * from them, for the add-in running in Excel. Call it after Office.onReady.
 */
import { ExcelRun, OfficeLike } from './host';
import { WorkbookService, createWorkbookService } from './service';

export function officeHost(): { run: ExcelRun; office: OfficeLike } {
  const run: ExcelRun = <T>(
    first: OfficeExtension.ClientRequestContext | ((context: Excel.RequestContext) => Promise<T>),
    batch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => (typeof first === 'function' ? Excel.run(first) : Excel.run(first, batch!));
  return { run, office: Office };
}

export function createOfficeWorkbookService(): WorkbookService {
  return createWorkbookService(officeHost());
}
