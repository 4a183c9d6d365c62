// Errors that end the audit command with exit status 2 and one plain line on stderr.

/** Bad arguments or config: a usage error. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input that cannot be read at all: names the file, the line for NDJSON, and what is wrong. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;
  constructor(file: string, problem: string, line?: number) {
    super(line === undefined ? `${file}: ${problem}` : `${file}, line ${line}: ${problem}`);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}

export function isAuditError(e: unknown): e is UsageError | InputError {
  return e instanceof UsageError || e instanceof InputError;
}

/** JSON.parse failure in plain words, never echoing the input (it may hold PHI). */
export function jsonProblem(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : '';
  if (/end of JSON input|Unterminated/i.test(msg)) return 'not valid JSON: the text ends early';
  const m = /at position (\d+)/.exec(msg);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - before.lastIndexOf('\n');
    return `not valid JSON (line ${line}, column ${col})`;
  }
  return 'not valid JSON';
}
