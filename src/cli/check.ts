/** `check`: validate workbooks and report per file (SPEC §7). */
import { Finding, Severity, countBySeverity } from '../core/finding';
import { Decimal, amountText } from '../core/money';
import { Field } from '../core/model';
import { Profile } from '../core/profile';
import { applyRuleSettings } from '../core/rules';
import { SEVERITY_LABEL, msg } from './messages';
import { fileSummary } from './reportData';
import { printable } from './terminalText';
import { UnreadableFile, checkWorkbookFile, unreadableFindings } from './workbook';

export interface ProjectJson {
  sheet: string;
  code: string;
  name: string;
  budget: { total: string | null; fiscal: string | null; other: string | null };
}

export interface FindingJson {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  message_en: string;
}

/**
 * One file of `check --json`. The shape is a public contract (SPEC §7): an unreadable file
 * keeps it, with empty lists and an `error` saying why.
 */
export interface FileJson {
  file: string;
  projects: ProjectJson[];
  findings: FindingJson[];
  error?: string;
}

export interface ProfileJson {
  preset: string;
  rules?: Record<string, string>;
}

/** A project as the bureau's report lists it (`--report`): amounts as exact decimal text, null when missing or invalid. */
export interface ProjectSummary {
  sheet: string;
  code: string;
  name: string;
  total: string | null;
  fiscal: string | null;
  other: string | null;
  /** Planned cumulative spending at 3月底, 6月底, 9月底, 12月底 (SPEC §5). */
  planned: (string | null)[];
  indicators: number;
  errors: number;
  warnings: number;
}

/** What the report needs beyond `--json`'s shape: the department and every project's summary row. */
export interface FileSummary {
  department: string;
  projects: ProjectSummary[];
}

export type FileCheck =
  | {
      file: string;
      ok: true;
      projects: ProjectJson[];
      /** Every finding; empty when `counts` is given (a batch that printed them already, see batch.ts). */
      findings: Finding[];
      summary?: FileSummary;
      /** The findings' counts, when the findings themselves were left out. */
      counts?: Record<Severity, number>;
      /**
       * The file's part of the output, already rendered (`--json`/`--jsonl`: its JSON object;
       * text: its block): text, or its UTF-8 bytes when it comes from a worker process.
       */
      rendered?: Rendered;
    }
  | { file: string; ok: false; reason: string; rendered?: Rendered };

/** A file's rendered output: text, or the same as UTF-8 bytes (half the size to send between processes). */
export type Rendered = string | Uint8Array;

/** An amount as exact decimal text with at least two decimals (`2.00`, never rounded); null when missing or invalid. */
function amount(f: Field<Decimal>): string | null {
  return f.value ? amountText(f.value) : null;
}

/** Checks one file (with the report's summary rows when asked); never throws. */
export async function checkFile(file: string, profile: Profile, options: { summary?: boolean } = {}): Promise<FileCheck> {
  try {
    const { unreadable, ...checked } = await checkWorkbookFile(file, profile);
    const { tables } = checked;
    // Sheets that could not be read are named first (errors): the file is never "ready to send".
    // R001 for a sheet that could not be read takes the profile's setting like every rule (SPEC §4a).
    const findings = unreadable.length ? [...applyRuleSettings(unreadableFindings(unreadable), profile), ...checked.findings] : checked.findings;
    const projects = tables.map((t) => ({
      sheet: t.sheet,
      code: t.code.text,
      name: t.name.text,
      budget: { total: amount(t.budget.total), fiscal: amount(t.budget.fiscal), other: amount(t.budget.other) },
    }));
    return options.summary ? { file, ok: true, projects, findings, summary: fileSummary(tables, findings) } : { file, ok: true, projects, findings };
  } catch (e) {
    if (e instanceof UnreadableFile) return { file, ok: false, reason: e.reason };
    return { file, ok: false, reason: msg.internal('内部错误') };
  }
}

/** A readable file's findings by severity (from `counts` when the findings were left out). */
export function fileCounts(r: Extract<FileCheck, { ok: true }>): Record<Severity, number> {
  return r.counts ?? countBySeverity(r.findings);
}

/** A readable file may be sent when none of its findings is an error. */
export function fileReady(r: Extract<FileCheck, { ok: true }>): boolean {
  return fileCounts(r).error === 0;
}

/** 2 when a file could not be read, else 1 when a file has an error, else 0. */
export function exitCode(results: readonly FileCheck[]): number {
  if (results.some((r) => !r.ok)) return 2;
  if (results.some((r) => r.ok && !fileReady(r))) return 1;
  return 0;
}

/** The profile in force, as `check --json` reports it beside the files. */
export function profileJson(profile: Profile): ProfileJson {
  const used: ProfileJson = { preset: profile.preset };
  if (Object.keys(profile.rules).length) used.rules = profile.rules;
  return used;
}

/** One file of `check --json` (SPEC §7): the contract's shape, whatever happened to the file. */
export function fileJson(r: FileCheck): FileJson {
  return r.ok
    ? {
        file: r.file,
        projects: r.projects,
        findings: r.findings.map((f) => ({
          rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, message_en: f.message_en,
        })),
      }
    : { file: r.file, projects: [], findings: [], error: r.reason };
}

/**
 * `check --json`: the files, and (added beside them, so the contract's `files` is unchanged)
 * the profile in force: `{"profile": {"preset": "default"}}`, with the profile's own rule
 * settings under `rules` when it has any.
 */
export function toJson(results: readonly FileCheck[], profile: Profile): { files: FileJson[]; profile: ProfileJson } {
  return { files: results.map(fileJson), profile: profileJson(profile) };
}

function findingLine(f: Finding): string {
  return `  ${SEVERITY_LABEL[f.severity]}  ${f.rule}  ${printable(f.sheet)}!${f.cell}  ${printable(f.message)}`;
}

/** One file's block of the readable report: its findings, counts and verdict (no trailing newline). */
export function fileText(r: FileCheck): string {
  if (!r.ok) return `${printable(r.file)}\n${msg.reportUnreadable(printable(r.reason))}`;
  const lines = [msg.reportHeader(printable(r.file), r.projects.length)];
  const c = fileCounts(r);
  if (r.projects.length === 0) lines.push(msg.reportNoTables);
  else if (c.error + c.warning + c.info === 0) lines.push(msg.reportNoFindings);
  for (const f of r.findings) lines.push(findingLine(f));
  if (r.projects.length || c.error + c.warning + c.info) lines.push(msg.reportCounts(c.error, c.warning, c.info, c.error === 0));
  return lines.join('\n');
}

/** The total line of the readable report over several files (undefined for one file). */
export function totalText(results: readonly FileCheck[]): string | undefined {
  if (results.length <= 1) return undefined;
  const count = (pick: (r: FileCheck) => boolean) => results.filter(pick).length;
  return msg.reportTotal({
    files: results.length,
    ready: count((r) => r.ok && r.projects.length > 0 && fileReady(r)),
    blocked: count((r) => r.ok && !fileReady(r)),
    noTables: count((r) => r.ok && r.projects.length === 0 && fileReady(r)),
    unreadable: count((r) => !r.ok),
  });
}

/** The readable report: per file its findings, counts and verdict; a total line for several files. */
export function toText(results: readonly FileCheck[]): string {
  return joinText(results.map(fileText), totalText(results));
}

/** File blocks and the total line, a blank line between each, ending with one newline. */
export function joinText(blocks: readonly string[], total: string | undefined): string {
  const parts = total === undefined ? blocks : [...blocks, total];
  return `${parts.join('\n\n').replace(/\n+$/, '')}\n`;
}
