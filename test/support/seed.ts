/** The seed document's ten tables (test/fixtures, copied from the published document). */
import * as fs from 'fs';
import * as path from 'path';
import { importTables } from '../../src/core/importTables';
import { TableInput } from '../../src/core/model';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const SEED_JSON_PATH = path.join(FIXTURES, 'xinzhai-2022-targets.json');
export const SEED_TXT_PATH = path.join(FIXTURES, 'xinzhai-2022-targets.txt');

export function seedTables(): TableInput[] {
  const result = importTables(JSON.parse(fs.readFileSync(SEED_JSON_PATH, 'utf8')));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.tables;
}

export function seedText(): string {
  return fs.readFileSync(SEED_TXT_PATH, 'utf8');
}

/** Trims what the reader trims (cell text), so inputs compare with what reads back. */
export function canonical(t: TableInput): TableInput {
  return {
    ...t,
    title: (t.title ?? `${t.name}绩效目标表`).trim(),
    department: t.department.trim(),
    code: t.code.trim(),
    name: t.name.trim(),
    fundUse: t.fundUse.trim(),
    goals: t.goals.map((g) => g.trim()).filter((g) => g !== ''),
    indicators: t.indicators.map((i) => {
      const out = { ...i };
      for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] = (out[k] ?? '').trim();
      return out;
    }),
  };
}
