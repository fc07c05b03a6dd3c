/** The `budget-targets` command line (SPEC §7); `bin/budget-targets.js` calls `main`. */
import { readFileSync, promises as fs } from 'fs';
import path from 'path';
import { DEFAULT_PROFILE, Profile, parseProfile } from '../core/profile';
import { parseArgs } from './args';
import { checkFile, exitCode, toJson, toText } from './check';
import { Io, processIo } from './io';
import { USAGE, msg } from './messages';
import { exportCommand } from './exportDocument';
import { newCommand } from './newWorkbook';
import { summaryCommand } from './summary';

export function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads `--profile`; a message for stderr when it cannot be used. */
export async function loadProfile(file: string | undefined): Promise<{ ok: true; profile: Profile } | { ok: false; message: string }> {
  if (file === undefined) return { ok: true, profile: DEFAULT_PROFILE };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: msg.profileUnreadable(file, code === 'ENOENT' ? msg.notFound : code === 'EISDIR' ? msg.isDirectory : String(e)) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, message: msg.profileUnreadable(file, msg.notJson(e instanceof Error ? e.message : String(e))) };
  }
  const parsed = parseProfile(json);
  return parsed.ok ? parsed : { ok: false, message: msg.profileInvalid(file, parsed.errors) };
}

/** Runs the command line and returns the exit code: 0 fine, 1 errors found, 2 unusable input. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(version());
      return 0;
    case 'error':
      io.err(`${args.message}\n${msg.usageHint}`);
      return 2;
  }
  if (args.command === 'new') return newCommand(args.from!, args.out!, io);

  const profile = await loadProfile(args.profile);
  if (!profile.ok) {
    io.err(profile.message);
    return 2;
  }
  if (args.command === 'summary') return summaryCommand(args.files, args.out!, profile.profile, io);
  if (args.command === 'export') return exportCommand(args.files[0], args.out!, profile.profile, { allowErrors: args.allowErrors ?? false, force: args.force ?? false }, io);

  const results = [];
  for (const file of args.files) {
    const result = await checkFile(file, profile.profile);
    if (!result.ok) io.err(msg.fileUnreadable(file, result.reason));
    else if (result.projects.length === 0) io.err(msg.noTables(file));
    results.push(result);
  }
  io.out(args.json ? JSON.stringify(toJson(results)) : toText(results));
  return exitCode(results);
}
