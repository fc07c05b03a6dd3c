/** The `budget-targets` command line (SPEC §7); `bin/budget-targets.js` calls `main`. */
import { readFileSync } from 'fs';
import path from 'path';
import { DEFAULT_PROFILE, Profile, parseProfile, problemLine } from '../core/profile';
import { parseArgs } from './args';
import { checkCommand } from './checkCommand';
import { summaryFiles } from './inputs';
import { Io, processIo } from './io';
import { USAGE, msg } from './messages';
import { rulesJson, rulesText } from './rules';
import { inputFileReason } from './readMessages';
import { readInputText } from '../xlsx/inputFile';

/** A profile is a few hundred bytes; anything past 1 MB is not one. */
const MAX_PROFILE_BYTES = 1024 * 1024;

export function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads `--profile`; a message for stderr when it cannot be used. */
export async function loadProfile(file: string | undefined, preset?: string): Promise<{ ok: true; profile: Profile } | { ok: false; message: string }> {
  if (file === undefined) {
    if (preset === undefined) return { ok: true, profile: DEFAULT_PROFILE };
    const parsed = parseProfile({ preset });
    return parsed.ok ? parsed : { ok: false, message: msg.presetInvalid(parsed.errors.map(problemLine)) };
  }
  let text: string;
  try {
    text = await readInputText(file, MAX_PROFILE_BYTES);
  } catch (e) {
    return { ok: false, message: msg.profileUnreadable(file, inputFileReason(e)) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, message: msg.profileUnreadable(file, msg.notJson(e instanceof Error ? e.message : String(e))) };
  }
  // --preset names the preset whatever the file says.
  const parsed = parseProfile(preset === undefined || typeof json !== 'object' || json === null ? json : { ...json, preset });
  return parsed.ok ? parsed : { ok: false, message: msg.profileInvalid(file, parsed.errors.map(problemLine)) };
}

/** Runs the command line and returns the exit code: 0 fine, 1 errors found, 2 unusable input. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'usage':
      io.err(USAGE);
      return 2;
    case 'version':
      io.out(version());
      return 0;
    case 'error':
      io.err(`${args.message}\n${msg.usageHint}`);
      return 2;
  }
  // `new`, `summary` and `export` load their writers (ExcelJS, docx) only when run: `check` starts faster without it.
  if (args.command === 'new') return (await import('./newWorkbook')).newCommand(args.from!, args.out!, io, args.force);

  const profile = await loadProfile(args.profile, args.preset);
  if (!profile.ok) {
    io.err(profile.message);
    return 2;
  }
  if (args.command === 'summary') {
    const files = await summaryFiles(args.files, args.out!, io.err);
    return files ? (await import('./summary')).summaryCommand(files, args.out!, profile.profile, io, args.force) : 2;
  }
  if (args.command === 'rules') {
    io.out(args.json ? JSON.stringify(rulesJson(profile.profile)) : rulesText(profile.profile));
    return 0;
  }
  if (args.command === 'export') {
    const options = { allowErrors: args.allowErrors ?? false, force: args.force ?? false };
    return (await import('./exportDocument')).exportCommand(args.files[0], args.out!, profile.profile, options, io);
  }

  return checkCommand(args.files, profile.profile, args, io);
}
