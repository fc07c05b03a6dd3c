/** A worker thread of `check`: reads and checks the files it is given, one at a time (see pool.ts). */
import { workerData } from 'worker_threads';
import { Profile } from '../core/profile';
import { FileCheck, checkFile } from './check';
import { serveTasks } from './pool';

export interface CheckTask {
  /** The file to read: the original, or its .xlsx conversion. */
  read: string;
  /** The name to report: always the original file. */
  file: string;
  /** Also gather the report's summary rows. */
  summary: boolean;
}

export interface CheckWorkerData {
  profile: Profile;
}

const { profile } = workerData as CheckWorkerData;

serveTasks<CheckTask, FileCheck>(async (task) => ({ ...(await checkFile(task.read, profile, { summary: task.summary })), file: task.file }));
