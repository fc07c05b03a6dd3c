/** One file of a `check` batch, as a worker process (checkWorker.ts) or the main process (a single file) runs it. */
import { Profile } from '../core/profile';
import { FileCheck, checkFile, fileCounts, fileJson, fileText } from './check';

/** How a file's result goes back to the batch: whole, or already rendered for the output in use. */
export type CheckRender = 'json' | 'text';

export interface CheckTask {
  /** The file to read: the original, or its .xlsx conversion. */
  read: string;
  /** The name to report: always the original file. */
  file: string;
  /** Also gather the report's summary rows. */
  summary: boolean;
  /**
   * Render the file's output here (`rendered`) and send back only the findings' counts, not the
   * findings: the main process then only orders and prints (`--jobs` scales with no serial
   * work there, and its memory does not grow with the findings of thousands of files).
   */
  render?: CheckRender;
}

export interface CheckWorkerData {
  profile: Profile;
}

/** Checks one task's file: the whole result, or (with `render`) its output as text and its counts. */
export async function runCheckTask(task: CheckTask, profile: Profile): Promise<FileCheck> {
  const r: FileCheck = { ...(await checkFile(task.read, profile, { summary: task.summary })), file: task.file };
  if (!task.render) return r;
  const rendered = task.render === 'json' ? JSON.stringify(fileJson(r)) : fileText(r);
  if (!r.ok) return { ...r, rendered };
  return { ...r, findings: [], counts: fileCounts(r), rendered };
}

/**
 * A result to send to the main process: its rendered output as UTF-8 bytes, half the size of
 * the text to send and printed there as they are. (Checked in the main process, a file's text
 * is printed as it is: encoding it first would only copy it.)
 */
export function forSending(r: FileCheck): FileCheck {
  return typeof r.rendered === 'string' ? { ...r, rendered: Buffer.from(r.rendered, 'utf8') } : r;
}
