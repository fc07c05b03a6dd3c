/**
 * `check` over many files: `.xls`/`.ods` converted first (convert.ts), then every file read
 * and checked in worker processes (pool.ts). Each file ends as one `FileCheck`, whatever
 * happened to it; one file's failure never stops the others.
 */
import { promises as fs, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { Profile } from '../core/profile';
import { FileCheck } from './check';
import { CheckRender, CheckTask, CheckWorkerData, runCheckTask } from './checkTask';
import { convertAll, findSoffice, stopConversions } from './convert';
import { Input } from './inputs';
import { msg } from './messages';
import { TaskOutcome, runPool } from './pool';

/** Heap allowed to the worker process checking one file: a larger workbook is reported as too large, not fatal to the run. */
export const DEFAULT_WORKER_MEMORY_MB = 2048;
/** Time allowed to read and check one file. */
export const DEFAULT_FILE_TIMEOUT_MS = 10 * 60_000;

export interface CheckAllOptions {
  /**
   * The most files checked, and converted by LibreOffice, at a time. When absent: checks as
   * `defaultJobs` says for these inputs, conversions on every core (each is its own soffice
   * process, with no warm-up of ours to repay).
   */
  jobs?: number;
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

/** The number of cores this process may use. */
export function availableCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Input (bytes on disk) from which a batch is given a worker on every core (see `defaultJobs`). */
export const LARGE_BATCH_BYTES = 24 * 1024 * 1024;

/**
 * `--jobs` when it is not given: a worker per core for a large batch, one core fewer for a
 * smaller one. A worker's first files run cold: about 1.5 s of CPU of JIT warm-up, half of it
 * on V8's compiler threads beside it, and the main process has its share too. With a worker
 * on every core that time is taken from the workers, and a batch too small to repay it ends
 * later. Measured on 2 cores, workbooks of 52 KB, 2 workers against 1: 100 files took 16%
 * longer, 400 as long (21 MB), 1,000 29% less (52 MB).
 */
export function defaultJobs(inputBytes: number, cores = availableCores()): number {
  return cores > 1 && inputBytes < LARGE_BATCH_BYTES ? cores - 1 : cores;
}

/** The bytes on disk of the files a batch reads (a file that cannot be stat'ed counts nothing: reading it says why). */
export function inputBytes(inputs: readonly Input[]): number {
  let total = 0;
  for (const input of inputs) {
    try {
      total += statSync(input.file).size;
    } catch {
      // Reported when it is read.
    }
  }
  return total;
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

/**
 * Stops LibreOffice and removes `dir` if the run is interrupted (Ctrl-C, SIGINT, SIGTERM)
 * before it is done, then ends the process as the signal would have (exit 130 or 143); returns the function that stops listening.
 */
function removeOnInterrupt(dir: string): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      try {
        stopConversions();
        rmSync(dir, { recursive: true, force: true });
      } finally {
        process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
      }
    };
    process.once(signal, handler);
    return () => process.removeListener(signal, handler);
  });
  return () => handlers.forEach((stop) => stop());
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
  const jobs = Math.max(1, options.jobs ?? defaultJobs(inputBytes(inputs)));
  const convertJobs = Math.max(1, options.jobs ?? availableCores());

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

  const workerData: CheckWorkerData = { profile };
  /** Checks a group of tasks: in worker processes, or here when it is the run's only file. */
  const check = async (group: { index: number; task: CheckTask }[], alone: boolean) => {
    if (group.length === 1 && alone) {
      // One file: read here. A worker would only add its start-up time and a second copy of the
      // libraries in memory (SPEC §8's single-workbook figures), with no other file to protect.
      const { index, task } = group[0];
      done(index, await runCheckTask(task, profile));
      return;
    }
    await runPool<CheckTask, FileCheck, CheckWorkerData>(
      group.map((t) => t.task),
      // Each worker collects its garbage on its own thread: the cores are the workers' (V8's
      // helper threads would compete with the other workers, for more CPU time in all).
      { jobs, script: workerScript(), workerData, memoryMb, taskTimeoutMs: timeoutMs, execArgv: ['--single-threaded-gc'] },
      (k, outcome) => {
        const { index, task } = group[k];
        done(index, outcome.ok ? outcome.value : failed(task.file, outcome, { memoryMb, timeoutMs }));
      },
    );
  };

  if (toConvert.length === 0) {
    await check(tasks, true);
    return results;
  }
  // The .xlsx files are checked while LibreOffice converts the others; the converted files
  // follow as soon as their conversion is done.
  const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-targets-'));
  const removeOnSignal = removeOnInterrupt(tempDir);
  try {
    const converting = (async () => {
      const soffice = await findSoffice(options.env);
      const converted = await convertAll(toConvert.map((i) => inputs[i]), { soffice, tempDir, jobs: convertJobs });
      const more: { index: number; task: CheckTask }[] = [];
      converted.forEach((c, k) => {
        const index = toConvert[k];
        const file = inputs[index].file;
        if ('reason' in c) done(index, { file, ok: false, reason: c.reason });
        else more.push({ index, task: taskOf(c.read, file) });
      });
      await check(more, tasks.length === 0);
    })();
    await Promise.all([check(tasks, false), converting]);
  } finally {
    removeOnSignal();
    await fs.rm(tempDir, { recursive: true, force: true });
  }
  return results;
}
