/**
 * Office requirement sets, in one place: manifest.xml declares REQUIRED_SETS (a test keeps them equal),
 * and the Excel layer checks OPTIONAL_SETS at run time with Office.context.requirements.isSetSupported.
 */
export interface RequirementSet {
  readonly name: string;
  readonly minVersion: string;
}

/**
 * The baseline without which the add-in does not load: everything the Excel layer always uses
 * (worksheet events onChanged/onAdded/onDeleted, freezePanes, Range.hyperlink, getUsedRange(valuesOnly)).
 */
export const REQUIRED_SETS: readonly RequirementSet[] = [{ name: 'ExcelApi', minVersion: '1.7' }];

/** Newer features used when the host has them, with a fallback when it does not. */
export const OPTIONAL_SETS = {
  /** Dropdown lists (Range.dataValidation); without it the sheet is written without dropdowns. */
  dataValidation: { name: 'ExcelApi', minVersion: '1.8' },
  /** Print setup (Worksheet.pageLayout: A4, portrait, one page wide); without it Excel's defaults stay. */
  pageLayout: { name: 'ExcelApi', minVersion: '1.9' },
  /** worksheets.onChanged for the whole collection; without it each sheet gets its own handler (1.7). */
  collectionChanged: { name: 'ExcelApi', minVersion: '1.9' },
  /** RangeFill.pattern tells "no fill" from a white fill, so highlights come off exactly. */
  fillPattern: { name: 'ExcelApi', minVersion: '1.9' },
  /** Worksheet custom properties: marks the sheets the add-in owns (the summary sheet); else a document setting. */
  worksheetCustomProperties: { name: 'ExcelApi', minVersion: '1.12' },
  /** Range.getMergedAreasOrNullObject: reads merged cells in one call; without it the reader copes with none. */
  mergedAreas: { name: 'ExcelApi', minVersion: '1.13' },
  /** worksheets.onNameChanged; without it a rename is noticed at the next edit. */
  nameChanged: { name: 'ExcelApi', minVersion: '1.17' },
} as const satisfies Record<string, RequirementSet>;

export type OptionalFeature = keyof typeof OPTIONAL_SETS;
