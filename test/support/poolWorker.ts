/** A worker for the pool's tests: doubles a number, or misbehaves as its task says. */
import { serveTasks } from '../../src/cli/pool';

export type PoolTestTask = { kind: 'double' | 'hog' | 'mapHog' | 'hang' | 'throw' | 'exit' | 'offset'; n: number };

serveTasks<PoolTestTask, number, { offset: number }>(async (task, data) => {
  switch (task.kind) {
    case 'mapHog': {
      // A Map growing past the heap limit: V8 fails in its "last resort" collection and aborts
      // (in a worker thread under resourceLimits this took the whole process down, exit 134).
      const hog = new Map<number, { n: number }>();
      for (let i = 0; ; i++) hog.set(i, { n: i });
    }
    case 'offset':
      return task.n + data.offset;
    case 'hog': {
      const hog: number[][] = [];
      for (;;) hog.push(new Array(1_000_000).fill(task.n));
    }
    case 'hang':
      return new Promise<number>(() => undefined);
    case 'throw':
      throw new Error(`cannot do ${task.n}`);
    case 'exit':
      process.exit(3);
      break;
    case 'double':
      return task.n * 2;
  }
  return -1;
});
