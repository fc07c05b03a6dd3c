/** The rule profile (SPEC §4): stored in the workbook by the add-in, a JSON file for the CLI. */
import { FIELD_KEYS, FieldKey, FrameworkId } from './model';
import { compileSafePattern } from './safePattern';
import { LEVEL1 } from './taxonomy';

export type { FieldKey, FrameworkId } from './model';

export interface Profile {
  /** 一级指标 every table must have at least one row of. */
  requiredLevel1: string[];
  /** Lowest acceptable 满意度 threshold, in percent. */
  satisfactionMin: number;
  /** Regular expression the 项目编码 must match. */
  codePattern: string;
  /** Most decimals an amount may have. */
  amountDecimals: number;
  /** The indicator framework (SPEC §3a): detected per table from its names, or fixed. */
  framework: FrameworkId;
  /** Fields the template must have: rules about them fire even where the sheet lacks the label. */
  requiredFields: FieldKey[];
}

export const DEFAULT_PROFILE: Profile = {
  requiredLevel1: ['产出指标', '效益指标', '满意度指标'],
  satisfactionMin: 90,
  codePattern: '^\\d{6}\\d{2}P[0-9A-Z]{12}$',
  amountDecimals: 2,
  framework: 'auto',
  requiredFields: [],
};

const FRAMEWORK_IDS: readonly FrameworkId[] = ['auto', 'mof-2021', 'mof-2015', 'provincial'];

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/**
 * Checks a profile read from JSON (a file or the workbook): unknown keys and wrong types are
 * reported, missing keys take the defaults.
 */
export function parseProfile(input: unknown): ProfileResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['profile must be a JSON object'] };
  }
  const o = input as Record<string, unknown>;
  const errors: string[] = [];
  const profile: Profile = { ...DEFAULT_PROFILE, requiredLevel1: [...DEFAULT_PROFILE.requiredLevel1], requiredFields: [] };
  for (const key of Object.keys(o)) {
    if (!(key in DEFAULT_PROFILE)) errors.push(`unknown key "${key}"`);
  }
  if ('requiredLevel1' in o) {
    const v = o.requiredLevel1;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      errors.push('requiredLevel1 must be a list of names');
    } else {
      const unknown = v.filter((x) => !(LEVEL1 as readonly string[]).includes(x));
      if (unknown.length) errors.push(`requiredLevel1: unknown 一级指标 ${unknown.join(', ')}`);
      profile.requiredLevel1 = v as string[];
    }
  }
  if ('satisfactionMin' in o) {
    const v = o.satisfactionMin;
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) errors.push('satisfactionMin must be a number from 0 to 100');
    else profile.satisfactionMin = v;
  }
  if ('codePattern' in o) {
    const v = o.codePattern;
    if (typeof v !== 'string') errors.push('codePattern must be a regular expression string');
    else {
      const safe = compileSafePattern(v);
      if (safe.ok) profile.codePattern = v;
      else errors.push(`${safe.message} / ${safe.message_en}: ${v}`);
    }
  }
  if ('amountDecimals' in o) {
    const v = o.amountDecimals;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 6) errors.push('amountDecimals must be a whole number from 0 to 6');
    else profile.amountDecimals = v;
  }
  if ('framework' in o) {
    const v = o.framework;
    if (typeof v !== 'string' || !(FRAMEWORK_IDS as readonly string[]).includes(v)) errors.push(`framework must be one of ${FRAMEWORK_IDS.join(', ')}`);
    else profile.framework = v as FrameworkId;
  }
  if ('requiredFields' in o) {
    const v = o.requiredFields;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && (FIELD_KEYS as readonly string[]).includes(x))) {
      errors.push(`requiredFields must be a list of: ${FIELD_KEYS.join(', ')}`);
    } else profile.requiredFields = v as FieldKey[];
  }
  return errors.length ? { ok: false, errors } : { ok: true, profile };
}
