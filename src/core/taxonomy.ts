/** The Ministry of Finance indicator framework (SPEC §2). */
import type { Framework } from './model';
import { labelKey } from './text';

export const LEVEL1 = ['产出指标', '成本指标', '效益指标', '满意度指标'] as const;

export const LEVEL2_BY_LEVEL1: Record<(typeof LEVEL1)[number], readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

export const BASIS_CHOICES = ['计划标准', '行业标准', '历史标准', '其他'] as const;

/** Compare names written with or without the trailing 指标, spaces and width ignored. */
export function indicatorNameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = labelKey(name).replace(/指标$/, '');
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}
const nameKeys = new Map<string, string>();

const LEVEL1_BY_KEY = new Map(LEVEL1.map((l) => [indicatorNameKey(l), l]));
const LEVEL2_BY_KEY = new Map(
  LEVEL1.map((l1) => [l1, new Map(LEVEL2_BY_LEVEL1[l1].map((l2) => [indicatorNameKey(l2), l2]))]),
);

/** The canonical 一级指标 for a name as written, or undefined when unknown. */
export function canonicalLevel1(name: string): (typeof LEVEL1)[number] | undefined {
  return LEVEL1_BY_KEY.get(indicatorNameKey(name));
}

export function canonicalLevel2(level1: (typeof LEVEL1)[number], name: string): string | undefined {
  return LEVEL2_BY_KEY.get(level1)?.get(indicatorNameKey(name));
}

export const isOutput = (l1: string | undefined) => l1 === '产出指标';
export const isBenefit = (l1: string | undefined) => l1 === '效益指标';
export const isSatisfaction = (l1: string | undefined) => l1 === '满意度指标';



/**
 * The three indicator structures of SPEC §3a, each as its 一级 names (with the canonical
 * category each stands for) and the 二级 names allowed under each category.
 */
export interface FrameworkDef {
  id: Framework;
  /** 一级指标 names as written → canonical category. */
  level1: Record<string, (typeof LEVEL1)[number]>;
  level2: Record<(typeof LEVEL1)[number], readonly string[]>;
}

const BENEFIT_2015 = [...LEVEL2_BY_LEVEL1.效益指标, '服务对象满意度指标'];

export const FRAMEWORKS: Record<Framework, FrameworkDef> = {
  'mof-2021': {
    id: 'mof-2021',
    level1: { 产出指标: '产出指标', 成本指标: '成本指标', 效益指标: '效益指标', 满意度指标: '满意度指标' },
    level2: LEVEL2_BY_LEVEL1,
  },
  // 满意度 is a 二级 under 效益指标.
  'mof-2015': {
    id: 'mof-2015',
    level1: { 产出指标: '产出指标', 效益指标: '效益指标', 满意度指标: '满意度指标' },
    level2: { ...LEVEL2_BY_LEVEL1, 效益指标: BENEFIT_2015 },
  },
  // 项目完成指标 = 产出指标, 项目效益指标 = 效益指标 with 满意度 under it.
  provincial: {
    id: 'provincial',
    // Dongguan writes 预期产出指标 and 效果指标.
    level1: { 项目完成指标: '产出指标', 项目效益指标: '效益指标', 满意度指标: '满意度指标', 预期产出指标: '产出指标', 效果指标: '效益指标' },
    level2: { ...LEVEL2_BY_LEVEL1, 效益指标: BENEFIT_2015 },
  },
};

/** Other spellings of 二级 names. */
const LEVEL2_SPELLINGS: Record<string, string> = {
  [indicatorNameKey('社会公众或服务对象满意度指标')]: '服务对象满意度指标',
  [indicatorNameKey('服务对象满意度')]: '服务对象满意度指标',
  [indicatorNameKey('满意度指标')]: '服务对象满意度指标',
  [indicatorNameKey('可持续影响')]: '可持续影响指标',
  [indicatorNameKey('生态环境效益指标')]: '生态效益指标',
  [indicatorNameKey('预算控制指标')]: '成本指标',
  [indicatorNameKey('投资规模控制指标')]: '成本指标',
  [indicatorNameKey('社会、经济、生态效益指标')]: '社会效益指标',
  [indicatorNameKey('社会经济生态效益指标')]: '社会效益指标',
};

/** A name as the framework knows it: without a bracketed aside (`数量指标(或建筑规模指标)`) or a score (`成本指标(0-20)分`). */
function nameKey(name: string): string {
  return indicatorNameKey(name.replace(/[(（][^)）]*[)）]/g, '').replace(/\d+(-\d+)?分$/, '').replace(/分$/, ''));
}

const fwLevel1 = new Map<Framework, Map<string, (typeof LEVEL1)[number]>>(
  (Object.values(FRAMEWORKS) as FrameworkDef[]).map((fw) => [fw.id, new Map(Object.entries(fw.level1).map(([n, c]) => [indicatorNameKey(n), c]))]),
);
const fwLevel2 = new Map<Framework, Map<string, Map<string, string>>>(
  (Object.values(FRAMEWORKS) as FrameworkDef[]).map((fw) => [
    fw.id,
    new Map(LEVEL1.map((l1) => [l1, new Map(fw.level2[l1].map((l2) => [indicatorNameKey(l2), l2]))])),
  ]),
);

export interface Category {
  /** Canonical 一级 category, when the name is one the framework knows. */
  level1?: (typeof LEVEL1)[number];
  /** Canonical 二级 name, when allowed under `level1` in the framework. */
  level2?: string;
  /** A satisfaction row: 一级 满意度指标, or 二级 服务对象满意度 (2015 and provincial). */
  satisfaction: boolean;
}

/** The category of a row's 一级/二级 names in a framework. */
export function categoryIn(framework: Framework, level1: string, level2: string): Category {
  const l1 = fwLevel1.get(framework)!.get(nameKey(level1));
  if (!l1) return { satisfaction: false };
  const k2 = nameKey(level2);
  const allowed = fwLevel2.get(framework)!.get(l1)!;
  const l2 = allowed.get(k2) ?? (LEVEL2_SPELLINGS[k2] !== undefined ? allowed.get(indicatorNameKey(LEVEL2_SPELLINGS[k2])) : undefined);
  return { level1: l1, level2: l2, satisfaction: l1 === '满意度指标' || l2 === '服务对象满意度指标' };
}

/** The 一级 names a framework accepts, as written. */
export const level1Names = (framework: Framework): string[] => Object.keys(FRAMEWORKS[framework].level1);

/**
 * The framework a table's names use: provincial when a 一级 is 项目完成/项目效益指标; the 2015
 * template when 满意度 sits as a 二级 under 效益指标 and no 一级 is 满意度指标; else MoF 2021.
 */
export function detectFramework(rows: readonly { level1: { text: string }; level2: { text: string } }[]): Framework {
  const provincial = fwLevel1.get('provincial')!;
  let satisfactionLevel1 = false;
  let satisfactionUnderBenefit = false;
  for (const r of rows) {
    const k1 = nameKey(r.level1.text);
    if (k1 === indicatorNameKey('满意度指标')) satisfactionLevel1 = true;
    if (k1 !== indicatorNameKey('满意度指标') && provincial.has(k1) && !LEVEL1_BY_KEY.has(k1)) return 'provincial';
    if (LEVEL1_BY_KEY.get(k1) === '效益指标' && categoryIn('mof-2015', r.level1.text, r.level2.text).satisfaction) satisfactionUnderBenefit = true;
  }
  return satisfactionUnderBenefit && !satisfactionLevel1 ? 'mof-2015' : 'mof-2021';
}

/** Whether a text is a 一级指标 name of any framework (to find the column that holds them). */
export function isLevel1Name(text: string): boolean {
  if (text === '') return false;
  const key = nameKey(text);
  for (const names of fwLevel1.values()) if (names.has(key)) return true;
  return false;
}
