/** The preview host: an in-memory Excel behind Office.js, for tests and the browser preview. */
export { COMMAND_OVERHEAD_BYTES, createPreviewHost } from './host';
export type { PreviewHost, PreviewHostOptions, PreviewOffice, SyncStats, UserEditOptions } from './host';
export type { CellSnapshot, SheetSnapshot } from './workbook';
