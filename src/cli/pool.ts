/**
 * A small pool of worker threads: tasks go to `jobs` workers in order, each result comes back
 * as soon as it is done. A task whose worker dies (out of memory under `resourceLimits`, a
 * crash) or runs past its time fails alone: the worker is replaced and the other tasks go on.
 */
import { ResourceLimits, Worker, parentPort } from 'worker_threads';

export interface PoolOptions {
  jobs: number;
  /** The worker module: compiled `.js`, or `.ts` run through TypeScript's transpiler (tests under ts-jest). */
  script: string;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Time allowed for one task; its worker is then stopped. */
  taskTimeoutMs?: number;
}

export type TaskFailure = 'outOfMemory' | 'died' | 'timeout';

export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; failure: TaskFailure; detail: string };

interface Request<T> {
  index: number;
  task: T;
}

type Reply<R> = { index: number; value: R } | { index: number; error: string };

/**
 * The code a worker starts from. A `.ts` module is compiled on the fly, file by file, with
 * the project's own TypeScript (only ever in tests: the command line runs dist/).
 */
function workerSource(script: string): { source: string; evaluate: boolean } {
  if (!script.endsWith('.ts')) return { source: script, evaluate: false };
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
  return { source, evaluate: true };
}

/**
 * Runs every task on the pool; `onOutcome` hears of each as it finishes (in finishing order),
 * the returned list is in task order.
 */
export function runPool<T, R>(
  tasks: readonly T[],
  options: PoolOptions,
  onOutcome?: (index: number, outcome: TaskOutcome<R>) => void,
): Promise<TaskOutcome<R>[]> {
  const outcomes: TaskOutcome<R>[] = new Array(tasks.length);
  if (tasks.length === 0) return Promise.resolve(outcomes);
  const { source, evaluate } = workerSource(options.script);
  let next = 0;
  let finished = 0;

  return new Promise((resolve) => {
    const settle = (index: number, outcome: TaskOutcome<R>) => {
      outcomes[index] = outcome;
      finished++;
      onOutcome?.(index, outcome);
      if (finished === tasks.length) resolve(outcomes);
    };

    const startWorker = () => {
      if (next >= tasks.length) return;
      const worker = new Worker(source, { eval: evaluate, workerData: options.workerData, resourceLimits: options.resourceLimits });
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let failure: { failure: TaskFailure; detail: string } | undefined;

      const give = () => {
        if (next >= tasks.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        failure = undefined;
        if (options.taskTimeoutMs !== undefined) {
          timer = setTimeout(() => {
            failure = { failure: 'timeout', detail: `${options.taskTimeoutMs} ms` };
            void worker.terminate();
          }, options.taskTimeoutMs);
        }
        worker.postMessage({ index: current, task: tasks[current] } satisfies Request<T>);
      };

      worker.on('message', (reply: Reply<R>) => {
        if (reply.index !== current) return;
        clearTimeout(timer);
        settle(reply.index, 'value' in reply ? { ok: true, value: reply.value } : { ok: false, failure: 'died', detail: reply.error });
        give();
      });
      worker.on('error', (e: Error & { code?: string }) => {
        failure ??= e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { failure: 'outOfMemory', detail: e.message }
          : { failure: 'died', detail: e.message };
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        if (current === undefined) return;
        const index = current;
        current = undefined;
        settle(index, { ok: false, ...(failure ?? { failure: 'died', detail: `exit code ${code}` }) });
        startWorker(); // a fresh worker for the tasks still waiting
      });
      give();
    };

    for (let i = 0; i < Math.min(Math.max(1, options.jobs), tasks.length); i++) startWorker();
  });
}

/** Inside a worker: answers each task with `handle`'s result (an exception becomes that task's failure). */
export function serveTasks<T, R>(handle: (task: T) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs only inside a worker thread');
  port.on('message', (request: Request<T>) => {
    handle(request.task).then(
      (value) => port.postMessage({ index: request.index, value } satisfies Reply<R>),
      (e: unknown) => port.postMessage({ index: request.index, error: e instanceof Error ? e.message : String(e) } satisfies Reply<R>),
    );
  });
}
