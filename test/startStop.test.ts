/**
 * `npm run stop` on Linux stops a dev server `npm start` started (issue 9, item 18): through the pid file
 * start.js writes. A stand-in process plays the server, so no webpack compile is needed.
 */
import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const START = path.join(__dirname, '..', 'scripts', 'start.js');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run stop (Linux)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bt-stop-'));
  const pidFile = path.join(dir, 'server.pid');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  (process.platform === 'linux' ? it : it.skip)('stops the process named in the pid file, and says when nothing runs', async () => {
    const server = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => server.on('exit', resolve));
    writeFileSync(pidFile, `${server.pid}\n`);
    const env = { ...process.env, BUDGET_TARGETS_PID_FILE: pidFile };
    const stop = spawnSync(process.execPath, [START, 'stop'], { env, encoding: 'utf8' });
    expect(stop.status).toBe(0);
    expect(stop.stdout).toContain(`Dev server (process ${server.pid}) stopped.`);
    await exited;
    expect(alive(server.pid!)).toBe(false);
    const again = spawnSync(process.execPath, [START, 'stop'], { env, encoding: 'utf8' });
    expect(again.stdout).toContain('No dev server started by `npm start` is running.');
  }, 60_000);
});
