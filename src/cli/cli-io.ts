/**
 * What commands need from the process, passed in so that they stay testable and nothing below
 * src/cli reads the environment, the clock or the terminal.
 */
import { createInterface } from "node:readline/promises";
import { makeStyle, type Style } from "../ui/style.js";
import { askApproval, type LiveTerminal, type RenderTarget } from "../ui/views.js";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdin and stdout are a terminal a person can answer at. */
  interactive: boolean;
  /** The terminal's streams, for live views (progress, prompts); absent without a terminal. */
  terminal?: LiveTerminal;
  /** Width views lay text out to: the terminal's, or a fixed width for logs and pipes. */
  columns: number;
  colorWanted: boolean;
  cwd: string;
  /** The environment (cache folder, registry URLs); tests pass their own. */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** Ask a person at the terminal; `color` says whether the question may be coloured. */
  prompt(question: string, color: boolean): Promise<string>;
}

/**
 * Without a terminal, views are laid out this wide: wider than any line packs writes in
 * practice (the longest in the end-to-end goldens is under 200), so a log line stays whole and
 * greppable, and the output does not depend on where it ran. Not wider: ink lays text out on a
 * grid of this many columns, and at 1,000 a 22,000-line plan took three times as long.
 */
export const LOG_COLUMNS = 240;

export function processIo(): CliIo {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // Live views redraw in place: not on a dumb terminal, and not under CI, where ink itself
  // draws only the last frame (so a prompt would never show its question).
  const live = interactive && process.env.TERM !== "dumb" && !inCi(process.env);
  const terminal = live ? { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr } : undefined;
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    interactive,
    ...(terminal && { terminal }),
    columns: (process.stdout.isTTY && process.stdout.columns) || LOG_COLUMNS,
    colorWanted: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb",
    cwd: process.cwd(),
    env: process.env,
    now: () => Date.now(),
    prompt: (question, color) => (terminal ? askApproval(terminal, question, color) : lineAnswer(question)),
  };
}

/** CI=… or CONTINUOUS_INTEGRATION=… (other than 0 or false), the test ink uses too. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  return ["CI", "CONTINUOUS_INTEGRATION"].some((k) => env[k] !== undefined && env[k] !== "0" && env[k] !== "false");
}

/** A prompt for a terminal that cannot redraw (TERM=dumb, CI): one line read from stdin. */
async function lineAnswer(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export interface GlobalOptions {
  cwd?: string;
  color: boolean;
  json?: boolean;
}

export function styleFor(io: CliIo, opts: GlobalOptions): Style {
  return makeStyle(colorOn(io, opts));
}

/** Colour only on a terminal that wants it, never with --no-color or in JSON. */
export function colorOn(io: CliIo, opts: GlobalOptions): boolean {
  return io.colorWanted && opts.color && !opts.json;
}

export function renderTarget(io: CliIo, opts: GlobalOptions): RenderTarget {
  return { color: colorOn(io, opts), columns: io.columns };
}
