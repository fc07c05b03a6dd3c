/**
 * `check PATH...` (SPEC §7): files and folders, `.xls`/`.ods` through LibreOffice, files
 * checked in parallel, the readable report, `--json`, `--jsonl` as each file is done, and the
 * bureau's report workbook with `--report`. Exit 0 no errors, 1 errors found, 2 a file or
 * folder could not be read (the others are still checked) or the report could not be written.
 */
import { existsSync } from 'fs';
import { Profile } from '../core/profile';
import { checkAll } from './batch';
import { FileCheck, Rendered, exitCode, fileJson, fileReady, fileText, joinText, profileJson, totalText } from './check';
import { expandInputs } from './inputs';
import { Io } from './io';
import { msg } from './messages';
import { isInputFile } from './output';
import { printable } from './terminalText';

export interface CheckCommandOptions {
  json?: boolean;
  jsonl?: boolean;
  report?: string;
  force?: boolean;
  jobs?: number;
}

/** The progress line's counts: files done, files with errors, files that could not be read. */
function progressCounter(total: number, io: Io) {
  let done = 0;
  let blocked = 0;
  let unreadable = 0;
  const show = () => io.progress?.(msg.progress(done, total, blocked, unreadable));
  return {
    /** Counts a finished file, runs `print` with the line cleared (output never mixes with it), and shows the line. */
    add(r: FileCheck, print?: () => void) {
      done++;
      if (!r.ok) unreadable++;
      else if (!fileReady(r)) blocked++;
      if (print) {
        io.progress?.('');
        print();
      }
      show();
    },
    clear: () => io.progress?.(''),
  };
}

/**
 * Prints each file's rendered part: `--jsonl` one line per file as each is done; in input order,
 * as soon as the files before it are done, `--json`'s one object `{"files":[…],"profile":…}`; text the blocks and the total line.
 * With an `Io` that cannot write raw text (tests), the whole output goes to `out` at the end,
 * the same bytes.
 */
function orderedPrinter(total: number, io: Io, mode: 'json' | 'jsonl' | 'text', profile: string) {
  const parts: (Rendered | undefined)[] = new Array(total);
  let next = 0;
  const write = io.write;
  const pieces: string[] = [];
  const asText = (text: Rendered) => (typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
  const emit = (text: Rendered) => (write ? write(text) : pieces.push(asText(text)));
  const flush = () => {
    for (; next < total && parts[next] !== undefined; next++) {
      const part = parts[next]!;
      parts[next] = undefined;
      emit(next === 0 ? (mode === 'json' ? '{"files":[' : '') : mode === 'json' ? ',' : '\n\n');
      emit(part);
    }
  };
  return {
    add(index: number, part: Rendered) {
      if (mode === 'jsonl') {
        if (write) {
          write(part);
          write('\n');
        } else io.out(asText(part));
        return;
      }
      parts[index] = part;
      flush();
    },
    end(totalLine: string | undefined) {
      if (mode === 'jsonl') return;
      if (mode === 'json') emit(`${total === 0 ? '{"files":[' : ''}],"profile":${profile}}\n`);
      else emit(total === 0 ? joinText([], totalLine) : totalLine === undefined ? '\n' : `\n\n${totalLine}\n`);
      if (!write) io.out(pieces.join(''));
    },
  };
}

export async function checkCommand(paths: readonly string[], profile: Profile, options: CheckCommandOptions, io: Io): Promise<number> {
  const report = options.report;
  const { inputs, problems } = await expandInputs(paths, report ? [report] : []);
  for (const p of problems) io.err(p);
  if (report) {
    if (isInputFile(report, inputs.map((i) => i.file))) {
      io.err(msg.outIsInput(report));
      return 2;
    }
    if (!options.force && existsSync(report)) {
      io.err(msg.reportExists(report));
      return 2;
    }
  }

  // Each file's part of the output is rendered where it is checked (a worker process) and
  // printed here in input order as soon as the files before it are done: this process only
  // orders and writes. With --report the findings come back whole for the report.
  const mode = options.json || options.jsonl ? 'json' : 'text';
  const render = (r: FileCheck): Rendered => r.rendered ?? (mode === 'json' ? JSON.stringify(fileJson(r)) : fileText(r));
  const printer = orderedPrinter(inputs.length, io, options.jsonl ? 'jsonl' : mode, JSON.stringify(profileJson(profile)));
  const progress = progressCounter(inputs.length, io);
  const results = await checkAll(inputs, profile, {
    jobs: options.jobs,
    summary: report !== undefined,
    ...(report === undefined ? { render: mode } : {}),
    onResult: (index, result) =>
      progress.add(result, () => {
        printer.add(index, render(result));
        // Printed (or held by the printer until the files before it are): not kept twice.
        delete result.rendered;
      }),
  });
  progress.clear();

  for (const r of results) {
    // Reported once: in the text report on stdout, or on stderr beside the JSON (which carries it as "error").
    if (!r.ok) {
      if (options.json || options.jsonl) io.err(printable(msg.fileUnreadable(r.file, r.reason)));
    }
    else if (r.projects.length === 0) io.err(printable(msg.noTables(r.file)));
  }
  printer.end(totalText(results));

  let code = Math.max(exitCode(results), problems.length ? 2 : 0);
  if (report) {
    try {
      // The report's writer (ExcelJS) is loaded only when a report is asked for: `check` starts faster without it.
      await (await import('./report')).writeReport(report, results, profile);
      io.err(msg.reportWritten(report, results.length, results.reduce((n, r) => n + (r.ok ? r.findings.length : 1), 0)));
    } catch (e) {
      io.err(msg.cannotWrite(report, e instanceof Error ? e.message : String(e)));
      code = 2;
    }
  }
  return code;
}
