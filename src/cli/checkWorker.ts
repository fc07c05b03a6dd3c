/** A worker process of `check`: reads and checks the files it is given, one at a time (see pool.ts). */
import { FileCheck } from './check';
import { CheckTask, CheckWorkerData, runCheckTask } from './checkTask';
import { serveTasks } from './pool';

serveTasks<CheckTask, FileCheck, CheckWorkerData>((task, data) => runCheckTask(task, data.profile));
