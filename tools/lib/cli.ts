/** What the command-line tools share: usage errors, "was this file run directly?", columns. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';

/** A mistake in the command's arguments: printed with the usage, exit 2. */
export class UsageError extends Error {}

/** True for our UsageError and for node:util parseArgs' own (ERR_PARSE_ARGS_*). */
export function isUsageError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}

/** Whether the module at `url` is the script node was started with (not an import). */
export function runDirectly(url: string): boolean {
  return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(url);
}

/** Rows of two columns, the second lined up as a terminal counts columns (a Chinese character takes two). */
export function columns(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const widest = Math.max(0, ...rows.map(([a]) => stringWidth(a)));
  return rows.map(([a, b]) => `${indent}${a}${' '.repeat(widest - stringWidth(a) + 2)}${b}`);
}
