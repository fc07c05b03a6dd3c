/** The seed document's ten tables (test/fixtures, copied from the published document). */
import { stripGoalNumber } from '../../src/core/goals';
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

/** What reads back from a written table: the default title filled in, goals trimmed (they are numbered lines). */
export function canonical(t: TableInput): TableInput {
  return {
    ...t,
    title: t.title ?? `${t.name}绩效目标表`,
    // Numbering a goal carries is kept when written and dropped when read, like the writer's own.
    goals: t.goals.map(stripGoalNumber).filter((g) => g !== ''),
  };
}
