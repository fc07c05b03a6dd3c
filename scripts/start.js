#!/usr/bin/env node
/**
 * `npm start` (and `npm run stop`).
 *
 * Windows / macOS: sideloads manifest.xml into desktop Excel with office-addin-debugging, which starts
 * `npm run dev-server` itself. It runs through `npx --yes` rather than being a devDependency: its keytar
 * peer downloads a prebuilt binary while installing and fails offline, which would break `npm ci` here.
 * The first run therefore needs the internet. The dev certificates are created and trusted first, through
 * office-addin-dev-certs' API (a devDependency).
 *
 * Linux (no desktop Excel): starts the dev server and prints how to sideload into Excel on the web, and the
 * address of the browser preview. The server stops with its parent (signals are handled, and a parent that
 * goes away is noticed); `npm run stop` stops it through the pid file it writes.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
/** Where `npm start` on Linux notes its process, so `npm run stop` can stop it. */
const PID_FILE = process.env.BUDGET_TARGETS_PID_FILE ?? path.join(ROOT, 'node_modules', '.cache', 'budget-targets-dev-server.pid');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** `npm run stop` on Linux: stops the dev server `npm start` runs (its pid file), waiting until it is gone. */
async function stopWeb() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  } catch {
    pid = NaN;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log('No dev server started by `npm start` is running. / 没有正在运行的开发服务器。');
    return 0;
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Dev server (process ${pid}) stopped. / 开发服务器已停止。`);
  return 0;
}

/**
 * Stops the server on SIGINT, SIGTERM and SIGHUP (what npm passes on when its own process is stopped),
 * and when the parent process goes away without a signal (the server is then re-parented).
 */
function stopWithParent(server) {
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    fs.rmSync(PID_FILE, { force: true });
    Promise.resolve(server.stop()).finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(0), 1000).unref();
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, `${process.pid}\n`);
}

function npx(args) {
  // npx is npx.cmd on Windows, which only runs through a shell; quote what has spaces.
  const windows = process.platform === 'win32';
  const argv = ['--yes', ...args].map((arg) => (windows && /\s/.test(arg) ? `"${arg}"` : arg));
  const result = spawnSync('npx', argv, { cwd: ROOT, stdio: 'inherit', shell: windows });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

async function desktop(command) {
  if (command === 'stop') return npx(['office-addin-debugging', 'stop', 'manifest.xml']);
  // office-addin-dev-certs' API creates the certificates and trusts its CA (a system prompt the first time).
  await require('office-addin-dev-certs').ensureCertificatesAreInstalled();
  return npx([
    'office-addin-debugging', 'start', 'manifest.xml', 'desktop',
    '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000',
  ]);
}

function instructions(origin, certificate) {
  const trust = certificate.selfSigned
    ? [
        `  1. Trust the certificate: open ${origin}/taskpane.html in the browser you use for Excel and accept`,
        `     the warning (a self-signed certificate, ${certificate.source}; import it into the browser as`,
        '     trusted to stop being asked).',
      ]
    : [`  1. The certificate (${certificate.source}) is already trusted.`];
  return [
    '',
    `Budget Targets for Excel / 预算绩效目标表助手 — dev server on ${origin}/`,
    '',
    `Browser preview, no Excel needed: ${origin}/taskpane.html`,
    '  Opened outside Office, the task pane runs against a preview workbook.',
    '',
    'Sideload into Excel on the web:',
    ...trust,
    '  2. Open a workbook in Excel on the web (https://www.office.com → Excel).',
    '  3. Insert → Add-ins → My Add-ins → Upload My Add-in',
    '     (插入 → 加载项 → 我的加载项 → 上传我的加载项; newer menus: Home → Add-ins → More Add-ins → My Add-ins).',
    `  4. Choose ${MANIFEST} and upload it.`,
    '  5. Home tab → 绩效目标 group → 绩效目标表 opens the task pane.',
    '',
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}

function portInUse(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error) => resolve(error.code === 'EADDRINUSE'));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, 'localhost');
  });
}

async function web() {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfig = require('../webpack.config.js');
  const { getHttpsOptions } = require('./dev-certs');

  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
  const certificate = await getHttpsOptions();
  const port = makeConfig.DEV_SERVER_PORT;
  const origin = `https://localhost:${port}`;
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is in use: is a dev server (npm start, npm run dev-server) already running? The manifest needs ${origin}.`);
  }
  const compiler = webpack(config);
  let printed = false;
  compiler.hooks.done.tap('print-sideload-instructions', (stats) => {
    if (printed || stats.hasErrors()) return;
    printed = true;
    setImmediate(() => console.log(instructions(origin, certificate)));
  });
  // Our own signal handling (stopWithParent), so the pid file goes with the server.
  const server = new WebpackDevServer({ ...config.devServer, setupExitSignals: false }, compiler);
  stopWithParent(server);
  await server.start();
}

const command = process.argv[2] ?? 'start';
if (process.platform === 'win32' || process.platform === 'darwin') {
  desktop(command).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error.message ?? error);
      process.exitCode = 1;
    },
  );
} else if (command === 'stop') {
  stopWeb().then((code) => (process.exitCode = code));
} else {
  web().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
