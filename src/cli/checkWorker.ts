/** A worker process of `check`: reads and checks the files it is given, one at a time (see pool.ts). */
import { FileCheck } from './check';
import { CheckTask, CheckWorkerData, forSending, runCheckTask } from './checkTask';
import { serveTasks } from './pool';

serveTasks<CheckTask, FileCheck, CheckWorkerData>(async (task, data) => forSending(await runCheckTask(task, data.profile)));
