/**
 * What the onboarding commands (operator:create, company:create, project:create,
 * building:create) share: flag parsing, reading a password without putting it in argv (shell
 * history, `ps`), and printing a refusal with the flag each issue is about.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { WuyeError } from '../../errors.js';

export type Flags = Record<string, string | undefined>;

/** Parses `--flag value` options (strings only); a problem is returned as text, not thrown. */
export function readFlags(args: string[], names: string[], positionals = 0): { flags: Flags; positionals: string[]; problem?: string } {
  const options: ParseArgsConfig['options'] = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) return { flags: {}, positionals: [], problem: `unexpected argument "${parsed.positionals[positionals]}"` };
    return { flags: parsed.values as Flags, positionals: parsed.positionals };
  } catch (e) {
    return { flags: {}, positionals: [], problem: (e as Error).message };
  }
}

/**
 * The password: from the environment variable named by `envFlag` (CI, scripts), else the first
 * line of stdin when it is piped, else typed at a hidden prompt on a terminal.
 */
export async function readPassword(envVar: string | undefined, prompt: string): Promise<string | { problem: string }> {
  if (envVar) {
    const value = process.env[envVar];
    return value === undefined || value === '' ? { problem: `environment variable ${envVar} is not set` } : value;
  }
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    return line ? line : { problem: 'no password on stdin (or pass --password-env VAR)' };
  }
  return hiddenPrompt(prompt);
}

/** Reads a line from the terminal without echoing it. */
function hiddenPrompt(prompt: string): Promise<string | { problem: string }> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (result: string | { problem: string }) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(result);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(typed || { problem: 'empty password' });
        if (ch === '\u0003') return done({ problem: 'cancelled' });
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * Prints a refusal (bad input, a code taken) naming the flag of each issue; returns exit code 2.
 * Anything else is a real failure and goes on up (exit 1 from main).
 */
export function reportRefusal(error: unknown, flagOf: Record<string, string>): number {
  if (!(error instanceof WuyeError) || error.statusCode >= 500) throw error;
  console.error(error.issues.length
    ? error.issues.map((i) => `${flagOf[i.pointer] ?? i.pointer}: ${i.message}`).join('\n')
    : error.message);
  return 2;
}
