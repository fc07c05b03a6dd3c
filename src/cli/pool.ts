/**
 * A small pool of worker processes: tasks go to `jobs` child processes in order, each result
 * comes back as soon as it is done. A task whose worker dies (out of memory, a crash, an exit)
 * or runs past its time fails alone: the worker is replaced and the other tasks go on.
 *
 * Processes, not threads: a worker thread that runs out of heap in some allocations (a Map or
 * an array growing past the limit in V8's "last resort" collection) aborts the whole process
 * with `FATAL ERROR: … JavaScript heap out of memory`, `resourceLimits` notwithstanding
 * (measured on node 20: exit 134 of the parent). A child process with `--max-old-space-size`
 * aborts alone, and the parent reports its file.
 */
import { ChildProcess, spawn } from 'child_process';

export interface PoolOptions<D = unknown> {
  jobs: number;
  /** The worker module: compiled `.js`, or `.ts` run through TypeScript's transpiler (tests under ts-jest). */
  script: string;
  /** Given to every worker once, before its first task (see `serveTasks`). */
  workerData?: D;
  /** Heap (old generation) allowed to each worker process, in MB. */
  memoryMb?: number;
  /** Time allowed for one task; its worker is then stopped. */
  taskTimeoutMs?: number;
  /** More node options for each worker process. */
  execArgv?: readonly string[];
}

export type TaskFailure = 'outOfMemory' | 'died' | 'timeout';

export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; failure: TaskFailure; detail: string };

type Message<T, D> = { init: D } | { index: number; task: T };

type Reply<R> = { index: number; value: R } | { index: number; error: string };

/** The last bytes a worker wrote on stderr are kept to tell why it died (never shown as they are). */
const STDERR_TAIL = 4096;

/**
 * How a worker process is started. A `.ts` module is compiled on the fly, file by file, with
 * the project's own TypeScript (only ever in tests: the command line runs dist/).
 */
function workerArgs(script: string): string[] {
  if (!script.endsWith('.ts')) return [script];
  const source = `
const fs = require('fs');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: false };
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions: options });
  module._compile(out.outputText, filename);
};
require(${JSON.stringify(script)});
`;
  return ['-e', source];
}

/** Why a worker process ended while it had a task: out of memory (V8's fatal heap error), or another death. */
function deathOf(code: number | null, signal: NodeJS.Signals | null, stderr: string): { failure: TaskFailure; detail: string } {
  if (/heap out of memory|Allocation failed|Reached heap limit/i.test(stderr)) return { failure: 'outOfMemory', detail: 'JavaScript heap out of memory' };
  return { failure: 'died', detail: signal ? `signal ${signal}` : `exit code ${code}` };
}

/**
 * Tasks a worker holds at once: the one it is doing and the next, so it never waits for this
 * process (busy printing, or off the core while the workers use every core) between two tasks.
 */
const IN_FLIGHT = 2;

/**
 * Runs every task on the pool; `onOutcome` hears of each as it finishes (in finishing order),
 * the returned list is in task order.
 */
export function runPool<T, R, D = unknown>(
  tasks: readonly T[],
  options: PoolOptions<D>,
  onOutcome?: (index: number, outcome: TaskOutcome<R>) => void,
): Promise<TaskOutcome<R>[]> {
  const outcomes: TaskOutcome<R>[] = new Array(tasks.length);
  if (tasks.length === 0) return Promise.resolve(outcomes);
  const args = [
    ...(options.memoryMb ? [`--max-old-space-size=${options.memoryMb}`] : []),
    ...(options.execArgv ?? []),
    ...workerArgs(options.script),
  ];
  let next = 0;
  /** Tasks given to a worker that died before it began them: given again first. */
  const again: number[] = [];
  let finished = 0;
  const take = (): number | undefined => (again.length ? again.shift() : next < tasks.length ? next++ : undefined);
  const waiting = () => again.length > 0 || next < tasks.length;

  return new Promise((resolve) => {
    const settle = (index: number, outcome: TaskOutcome<R>) => {
      outcomes[index] = outcome;
      finished++;
      onOutcome?.(index, outcome);
      if (finished === tasks.length) resolve(outcomes);
    };

    const startWorker = () => {
      if (!waiting()) return;
      const child: ChildProcess = spawn(process.execPath, args, {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
        windowsHide: true,
      });
      /** The tasks this worker holds, in the order it does them: the first is under way. */
      const held: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      let stderr = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (t: string) => {
        stderr = (stderr + t).slice(-STDERR_TAIL);
      });

      const send = (message: Message<T, D>) => {
        try {
          child.send(message);
        } catch {
          // The worker is gone: its 'close' reports the task.
        }
      };
      /** The time allowed runs for the task under way only. */
      const timeFirst = () => {
        clearTimeout(timer);
        if (options.taskTimeoutMs === undefined || held.length === 0) return;
        timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.taskTimeoutMs);
      };
      const give = () => {
        const idle = held.length === 0;
        for (let index = take(); index !== undefined; index = held.length < IN_FLIGHT ? take() : undefined) {
          held.push(index);
          send({ index, task: tasks[index] });
        }
        if (held.length === 0) {
          if (child.connected) child.disconnect(); // the worker ends once its channel closes
        } else if (idle) timeFirst();
      };

      child.on('message', (reply: Reply<R>) => {
        if (reply.index !== held[0]) return;
        held.shift();
        timeFirst();
        settle(reply.index, 'value' in reply ? { ok: true, value: reply.value } : { ok: false, failure: 'died', detail: reply.error });
        give();
      });
      // A worker that cannot be started or written to: its 'close' reports the task.
      child.on('error', () => undefined);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const index = held.shift();
        if (index === undefined) return;
        // The task under way fails; the ones not yet begun go to the next worker.
        again.unshift(...held.splice(0));
        const failure = timedOut ? { failure: 'timeout' as const, detail: `${options.taskTimeoutMs} ms` } : deathOf(code, signal, stderr);
        settle(index, { ok: false, ...failure });
        startWorker(); // a fresh worker for the tasks still waiting
      });
      if (options.workerData !== undefined) send({ init: options.workerData });
      give();
    };

    for (let i = 0; i < Math.min(Math.max(1, options.jobs), tasks.length); i++) startWorker();
  });
}

/**
 * Inside a worker process: answers each task with `handle`'s result (an exception becomes that
 * task's failure). `handle` gets the pool's `workerData` too.
 */
export function serveTasks<T, R, D = unknown>(handle: (task: T, data: D) => Promise<R>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveTasks runs only inside a worker process started by runPool');
  let data: D | undefined;
  // Tasks arrive ahead of time (IN_FLIGHT) and are done one after the other, never together.
  const queue: { index: number; task: T }[] = [];
  let busy = false;
  const work = async () => {
    busy = true;
    for (let item = queue.shift(); item; item = queue.shift()) {
      const { index, task } = item;
      try {
        send({ index, value: await handle(task, data as D) } satisfies Reply<R>);
      } catch (e) {
        send({ index, error: e instanceof Error ? e.message : String(e) } satisfies Reply<R>);
      }
    }
    busy = false;
  };
  process.on('message', (message: Message<T, D>) => {
    if ('init' in message) {
      data = message.init;
      return;
    }
    queue.push(message);
    if (!busy) void work();
  });
}
