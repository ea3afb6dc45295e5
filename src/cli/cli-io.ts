/**
 * What commands need from the process, passed in so that they stay testable and nothing below
 * src/cli reads the environment, the clock or the terminal.
 */
import { createInterface } from "node:readline/promises";
import { makeStyle, type Style } from "../ui/style.js";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdin and stdout are a terminal a person can answer at. */
  interactive: boolean;
  colorWanted: boolean;
  cwd: string;
  /** The environment (cache folder, registry URLs); tests pass their own. */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch. */
  now(): number;
  prompt(question: string): Promise<string>;
}

export function processIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    colorWanted: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb",
    cwd: process.cwd(),
    env: process.env,
    now: () => Date.now(),
    async prompt(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

export interface GlobalOptions {
  cwd?: string;
  color: boolean;
  json?: boolean;
}

export function styleFor(io: CliIo, opts: GlobalOptions): Style {
  return makeStyle(io.colorWanted && opts.color && !opts.json);
}
