/**
 * The checks that travel with the file (SPEC §4, issue 8) written through Office.js: decimal
 * limits with an input message on the plan and amount cells, input messages on the head fields,
 * and conditional formats that colour what the rules would flag. None blocks typing.
 *
 * Everything is queued: inserting a table costs no extra sync. Data validation needs ExcelApi 1.8
 * (`features.dataValidation`); an older host gets the table without it. Conditional formats are
 * ExcelApi 1.6, inside the 1.7 baseline, so every host that runs the add-in gets them.
 *
 * Our mark is the checks' own signature, not a record kept elsewhere: a conditional format is
 * ours when it is a formula (`Custom`) format on exactly one of the definition's ranges, with
 * exactly the definition's formula for that range and our colours (CHECK_FILL on CHECK_FONT);
 * a validation is ours when it sits on a definition range with the definition's input message
 * title. The signature lives in the file itself, so it holds for a workbook written by the
 * command line's `new`, a copied sheet or a renamed one, where a document setting would not.
 * Nothing else in the add-in changes conditional formats or validation: clearing our highlights
 * restores cell fills only, and Excel reports a cell's own fill (`format.fill`), never the colour
 * a conditional format shows, so a coloured check is never taken for a highlight or for the
 * officer's formatting.
 */
import { CellRange, parseRangeA1, rangeA1 } from '../core/grid';
import { CHECK_FILL, CHECK_FONT, SheetChecks } from '../core/sheet';
import { Features } from './host';

/** Excel shows an input message title of at most 32 characters and a message of at most 255. */
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT_MESSAGE = 255;

const NEVER_BLOCK: Excel.DataValidationErrorAlert = { showAlert: false, style: 'Stop', title: '', message: '' };

function prompt(title: string, message: string): Excel.DataValidationPrompt {
  return { showPrompt: true, title: title.slice(0, MAX_PROMPT_TITLE), message: message.slice(0, MAX_PROMPT_MESSAGE) };
}

/** Queues the checks of a freshly written sheet. */
export function queueChecks(ws: Excel.Worksheet, checks: SheetChecks, features: Features): void {
  if (features.dataValidation) {
    for (const n of checks.numbers) {
      const dv = ws.getRange(rangeA1(n.range)).dataValidation;
      dv.rule = {
        decimal: n.max === undefined ? { formula1: n.min, operator: 'GreaterThanOrEqualTo' } : { formula1: n.min, formula2: n.max, operator: 'Between' },
      };
      dv.prompt = prompt(n.title, n.prompt);
      dv.errorAlert = NEVER_BLOCK;
    }
    // An input message alone: Excel's "any value" validation, which only shows the message
    // (Office Scripts' own sample sets a prompt with no rule). A rule that everything meets
    // (a text length ≥ 0, a custom =TRUE) would be a rule all the same, and refuse pasted errors.
    for (const p of checks.prompts) ws.getRange(rangeA1(p.range)).dataValidation.prompt = prompt(p.title, p.prompt);
  }
  for (const h of checks.highlights) {
    const cf = ws.getRange(rangeA1(h.range)).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${h.formula}`;
    cf.custom.format.fill.color = CHECK_FILL;
    cf.custom.format.font.color = CHECK_FONT;
  }
}

/** A conditional format as read from a sheet. */
export interface ConditionalFormatSeen {
  /** A1 address of its range, without the sheet (`C7:E7`). */
  address: string;
  type: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

const sameColour = (a: string | null, b: string) => a !== null && a.toUpperCase() === b.toUpperCase();

/** True when the conditional format carries our mark: a definition range, its exact formula, our colours. */
export function isOurConditionalFormat(cf: ConditionalFormatSeen, checks: SheetChecks): boolean {
  return (
    cf.type === 'Custom' &&
    sameColour(cf.fill, CHECK_FILL) &&
    sameColour(cf.fontColor, CHECK_FONT) &&
    checks.highlights.some((h) => rangeA1(h.range) === cf.address && `=${h.formula}` === cf.formula)
  );
}

/** True when a validation on `address` (a cell or a range) with this input message title is one of ours. */
export function isOurValidation(address: string, promptTitle: string | undefined, checks: SheetChecks): boolean {
  let area: CellRange;
  try {
    area = parseRangeA1(address);
  } catch {
    return false;
  }
  const inside = (r: CellRange) => area.top >= r.top && area.bottom <= r.bottom && area.left >= r.left && area.right <= r.right;
  return [...checks.numbers, ...checks.prompts].some((c) => inside(c.range) && c.title.slice(0, MAX_PROMPT_TITLE) === promptTitle);
}

/** Strips the sheet from an Office.js address (`'项目 1'!C7:E7` → `C7:E7`). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang < 0 ? address : address.slice(bang + 1)).replace(/\$/g, '');
}

/**
 * The conditional formats of a sheet's used area, each told ours or not: 2 syncs (the list,
 * then each one's rule, colours and range).
 */
export async function readConditionalFormats(context: Excel.RequestContext, ws: Excel.Worksheet, checks: SheetChecks): Promise<(ConditionalFormatSeen & { ours: boolean })[]> {
  const formats = ws.getRange().conditionalFormats.load('items/type');
  await context.sync();
  const parts = formats.items.map((cf) => ({
    cf,
    range: cf.getRange().load('address'),
    custom: cf.type === 'Custom' ? { rule: cf.custom.rule.load('formula'), fill: cf.custom.format.fill.load('color'), font: cf.custom.format.font.load('color') } : undefined,
  }));
  await context.sync();
  return parts.map(({ cf, range, custom }) => {
    const seen: ConditionalFormatSeen = {
      address: localAddress(range.address),
      type: cf.type,
      formula: custom?.rule.formula ?? '',
      fill: custom?.fill.color ?? null,
      fontColor: custom?.font.color ?? null,
    };
    return { ...seen, ours: isOurConditionalFormat(seen, checks) };
  });
}
