/** Rules on what the table is: 项目编码, 项目名称 and the title (SPEC §4, T-rules). */
import { Finding } from '../finding';
import { TargetTable } from '../model';
import { Profile } from '../profile';
import { compileSafePattern } from '../safePattern';
import { labelKey } from '../text';
import { RuleMeta, TableRule, finding, hasField } from './rule';

const T001: RuleMeta = { id: 'T001', severity: 'error' };
/** 项目编码 missing. */
export const codeMissing: TableRule = (t, profile) =>
  t.code.text === '' && hasField(t, profile, 'code') ? [finding(T001, t.sheet, t.code.cell, '缺少项目编码', '项目编码 (project code) is missing')] : [];

const T002: RuleMeta = { id: 'T002', severity: 'warning' };
/** The profile's pattern, matched in bounded time (core/safePattern.ts); a refused pattern checks nothing. */
const codeMatches = (pattern: string, code: string) => {
  const safe = compileSafePattern(pattern);
  return !safe.ok || safe.pattern.test(code);
};
/** 项目编码 not of the profile's pattern, or its year digits (7th–8th characters) not the table's year. */
export const codeFormat: TableRule = (t: TargetTable, profile: Profile): Finding[] => {
  const code = t.code.text;
  if (code === '') return [];
  if (!codeMatches(profile.codePattern, code)) {
    return [
      finding(
        T002,
        t.sheet,
        t.code.cell,
        `项目编码“${code}”不符合编码规则（${profile.codePattern}）`,
        `项目编码 "${code}" does not match the code pattern ${profile.codePattern}`,
      ),
    ];
  }
  const digits = code.slice(6, 8);
  if (t.year === undefined || !/^\d\d$/.test(digits)) return [];
  const expected = String(t.year % 100).padStart(2, '0');
  return digits === expected
    ? []
    : [
        finding(
          T002,
          t.sheet,
          t.code.cell,
          `项目编码“${code}”中的年度为“${digits}”，与本表年度${t.year}年（“${expected}”）不符`,
          `The year digits of 项目编码 "${code}" are "${digits}", but the table is for ${t.year} ("${expected}")`,
        ),
      ];
};

const T004: RuleMeta = { id: 'T004', severity: 'error' };
/** 项目名称 missing. */
export const nameMissing: TableRule = (t, profile) =>
  t.name.text === '' && hasField(t, profile, 'name') ? [finding(T004, t.sheet, t.name.cell, '缺少项目名称', '项目名称 (project name) is missing')] : [];

const T005: RuleMeta = { id: 'T005', severity: 'warning' };
/** Words of a template's own title (`自治区本级部门2019年项目支出预算绩效目标表`), not of a project name. */
const GENERIC_TITLE_WORDS = /项目支出|部门预算|本级部门|预算项目|财政项目|专项资金绩效|区域绩效|资金$/;
/**
 * The title is not `{项目名称}绩效目标表`. The quick fix rewrites the title from the name and
 * keeps a leading sequence number (`9.`) the officer numbered the tables with.
 */
export const titleMatchesName: TableRule = (t, profile) => {
  const name = t.name.text;
  // A template without a title line (a pasted table) has no title to match.
  if (t.title.text === '' && !hasField(t, profile, 'title')) return [];
  // A title that names no project (`项目支出绩效目标申报表`) is its template's, not a mismatch.
  if (name === '' || (t.titleName === '' && t.title.text !== '') || labelKey(t.titleName) === labelKey(name)) return [];
  if (t.title.text !== '' && (labelKey(t.title.text).includes(labelKey(name)) || GENERIC_TITLE_WORDS.test(t.titleName))) return [];
  const sequence = /^\s*\d+\s*[.．、]/.exec(t.title.text)?.[0].trim() ?? '';
  const title = `${sequence}${name}绩效目标表`;
  const fix = {
    description: `将标题改为“${title}”`,
    description_en: `Change the title to "${title}"`,
    edits: [{ sheet: t.sheet, cell: t.title.cell, value: title }],
  };
  return t.title.text === ''
    ? [finding(T005, t.sheet, t.title.cell, `缺少标题，应为“${title}”`, `The title is missing; it should be "${title}"`, fix)]
    : [
        finding(
          T005,
          t.sheet,
          t.title.cell,
          `标题“${t.title.text}”与项目名称“${name}”不一致`,
          `The title "${t.title.text}" does not match the 项目名称 "${name}"`,
          fix,
        ),
      ];
};

export const IDENTITY_RULES: readonly TableRule[] = [codeMissing, codeFormat, nameMissing, titleMatchesName];
