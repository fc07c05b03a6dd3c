/** `check`: validate workbooks and report per file (SPEC §7). */
import { Finding, countBySeverity, readyToSend } from '../core/finding';
import { Decimal, amountText } from '../core/money';
import { Field } from '../core/model';
import { Profile } from '../core/profile';
import { SEVERITY_LABEL, msg } from './messages';
import { fileSummary } from './reportData';
import { printable } from './terminalText';
import { UnreadableFile, readWorkbookFile, unreadableFindings, validateSheets } from './workbook';

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
  | { file: string; ok: true; projects: ProjectJson[]; findings: Finding[]; summary?: FileSummary }
  | { file: string; ok: false; reason: string };

/** An amount as exact decimal text with at least two decimals (`2.00`, never rounded); null when missing or invalid. */
function amount(f: Field<Decimal>): string | null {
  return f.value ? amountText(f.value) : null;
}

/** Checks one file (with the report's summary rows when asked); never throws. */
export async function checkFile(file: string, profile: Profile, options: { summary?: boolean } = {}): Promise<FileCheck> {
  try {
    const { sheets, summarySheet, unreadable } = await readWorkbookFile(file);
    const checked = validateSheets(sheets, profile, summarySheet);
    const { tables } = checked;
    // Sheets that could not be read are named first (errors): the file is never "ready to send".
    const findings = unreadable.length ? [...unreadableFindings(unreadable), ...checked.findings] : checked.findings;
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

/** 2 when a file could not be read, else 1 when a file has an error, else 0. */
export function exitCode(results: readonly FileCheck[]): number {
  if (results.some((r) => !r.ok)) return 2;
  if (results.some((r) => r.ok && !readyToSend(r.findings))) return 1;
  return 0;
}

export function toJson(results: readonly FileCheck[]): { files: FileJson[] } {
  return {
    files: results.map((r) =>
      r.ok
        ? {
            file: r.file,
            projects: r.projects,
            findings: r.findings.map((f) => ({
              rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, message_en: f.message_en,
            })),
          }
        : { file: r.file, projects: [], findings: [], error: r.reason },
    ),
  };
}

function findingLine(f: Finding): string {
  return `  ${SEVERITY_LABEL[f.severity]}  ${f.rule}  ${printable(f.sheet)}!${f.cell}  ${printable(f.message)}`;
}

/** The readable report: per file its findings, counts and verdict; a total line for several files. */
export function toText(results: readonly FileCheck[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.ok) {
      lines.push(printable(r.file), msg.reportUnreadable(printable(r.reason)), '');
      continue;
    }
    lines.push(msg.reportHeader(printable(r.file), r.projects.length));
    if (r.projects.length === 0) lines.push(msg.reportNoTables);
    else if (r.findings.length === 0) lines.push(msg.reportNoFindings);
    for (const f of r.findings) lines.push(findingLine(f));
    const c = countBySeverity(r.findings);
    if (r.projects.length || r.findings.length) lines.push(msg.reportCounts(c.error, c.warning, c.info, readyToSend(r.findings)));
    lines.push('');
  }
  if (results.length > 1) {
    const count = (pick: (r: FileCheck) => boolean) => results.filter(pick).length;
    lines.push(
      msg.reportTotal({
        files: results.length,
        ready: count((r) => r.ok && r.projects.length > 0 && readyToSend(r.findings)),
        blocked: count((r) => r.ok && !readyToSend(r.findings)),
        noTables: count((r) => r.ok && r.projects.length === 0 && readyToSend(r.findings)),
        unreadable: count((r) => !r.ok),
      }),
    );
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
