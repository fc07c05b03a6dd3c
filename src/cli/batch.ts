/**
 * `check` over many files: `.xls`/`.ods` converted first (convert.ts), then every file read
 * and checked in worker processes (pool.ts). Each file ends as one `FileCheck`, whatever
 * happened to it; one file's failure never stops the others.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Profile } from '../core/profile';
import { FileCheck } from './check';
import { CheckRender, CheckTask, CheckWorkerData, runCheckTask } from './checkTask';
import { convertAll, findSoffice } from './convert';
import { Input } from './inputs';
import { msg } from './messages';
import { TaskOutcome, runPool } from './pool';

/** Heap allowed to the worker process checking one file: a larger workbook is reported as too large, not fatal to the run. */
export const DEFAULT_WORKER_MEMORY_MB = 2048;
/** Time allowed to read and check one file. */
export const DEFAULT_FILE_TIMEOUT_MS = 10 * 60_000;

export interface CheckAllOptions {
  jobs: number;
  /** Gather the report's summary rows of every file. */
  summary?: boolean;
  /** Each file's output rendered where it is checked, its findings left out (`CheckTask.render`). */
  render?: CheckRender;
  /** Hears of each file as it is done, in finishing order (index in `inputs`). */
  onResult?: (index: number, result: FileCheck) => void;
  workerMemoryMb?: number;
  fileTimeoutMs?: number;
  /** Where `soffice` is searched for (PATH); the process's environment by default. */
  env?: NodeJS.ProcessEnv;
}

/** The number of cores this process may use: the default of `--jobs`. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** The worker module next to this one: dist/cli/checkWorker.js, or src/cli/checkWorker.ts under ts-jest. */
function workerScript(): string {
  return path.join(__dirname, `checkWorker${path.extname(__filename)}`);
}

function failed(file: string, outcome: Exclude<TaskOutcome<FileCheck>, { ok: true }>, options: { memoryMb: number; timeoutMs: number }): FileCheck {
  const reason =
    outcome.failure === 'outOfMemory' ? msg.workerOutOfMemory(options.memoryMb)
      : outcome.failure === 'timeout' ? msg.workerTimedOut(Math.round(options.timeoutMs / 1000))
        : msg.workerDied(outcome.detail);
  return { file, ok: false, reason };
}

/** Checks every input (several in worker processes, a single one in this process); the list returned is in input order. */
export async function checkAll(inputs: readonly Input[], profile: Profile, options: CheckAllOptions): Promise<FileCheck[]> {
  const results: FileCheck[] = new Array(inputs.length);
  const done = (index: number, result: FileCheck) => {
    results[index] = result;
    options.onResult?.(index, result);
  };
  const memoryMb = options.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const jobs = Math.max(1, options.jobs);

  const tasks: { index: number; task: CheckTask }[] = [];
  const taskOf = (read: string, file: string): CheckTask => ({
    read, file, summary: options.summary ?? false, ...(options.render ? { render: options.render } : {}),
  });
  const toConvert: number[] = [];
  inputs.forEach((input, index) => {
    if (input.kind === 'unsupported') done(index, { file: input.file, ok: false, reason: msg.saveAsXlsx(input.ext) });
    else if (input.kind === 'convert') toConvert.push(index);
    else tasks.push({ index, task: taskOf(input.file, input.file) });
  });

  let tempDir: string | undefined;
  try {
    if (toConvert.length > 0) {
      tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-targets-'));
      const soffice = await findSoffice(options.env);
      const converted = await convertAll(toConvert.map((i) => inputs[i]), { soffice, tempDir, jobs });
      converted.forEach((c, k) => {
        const index = toConvert[k];
        const file = inputs[index].file;
        if ('reason' in c) done(index, { file, ok: false, reason: c.reason });
        else tasks.push({ index, task: taskOf(c.read, file) });
      });
    }
    if (tasks.length === 1) {
      // One file: read here. A worker would only add its start-up time and a second copy of the
      // libraries in memory (SPEC §8's single-workbook figures), with no other file to protect.
      const { index, task } = tasks[0];
      done(index, await runCheckTask(task, profile));
      return results;
    }
    const workerData: CheckWorkerData = { profile };
    await runPool<CheckTask, FileCheck, CheckWorkerData>(
      tasks.map((t) => t.task),
      { jobs, script: workerScript(), workerData, memoryMb, taskTimeoutMs: timeoutMs },
      (k, outcome) => {
        const { index, task } = tasks[k];
        done(index, outcome.ok ? outcome.value : failed(task.file, outcome, { memoryMb, timeoutMs }));
      },
    );
  } finally {
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  }
  return results;
}
