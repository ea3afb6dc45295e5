/** The CLI in process: a CliIo that records what was printed, and `main` run with it. */
import * as path from "node:path";
import { LOG_COLUMNS, type CliIo } from "../../src/cli/cli-io.js";
import type { LiveTerminal } from "../../src/ui/views.js";
import { main } from "../../src/cli/main.js";

export type RecordingIo = CliIo & { stdout: string; stderr: string; asked: string[] };

export interface FakeIoOptions {
  /** A person at a terminal (prompts and progress); off by default, like CI. */
  interactive?: boolean;
  /** What the person answers to a prompt. */
  answer?: string;
  env?: Record<string, string>;
  /** The clock: each call returns the next value; default always 0. */
  now?: () => number;
  /** A live terminal for ink views (test/cli/fake-terminal.ts); none by default. */
  terminal?: LiveTerminal;
}

export function fakeIo(cwd: string, opts: FakeIoOptions = {}): RecordingIo {
  const io: RecordingIo = {
    stdout: "",
    stderr: "",
    asked: [],
    interactive: opts.interactive ?? false,
    ...(opts.terminal && { terminal: opts.terminal }),
    columns: LOG_COLUMNS,
    colorWanted: false,
    cwd,
    env: opts.env ?? { PACKS_CACHE_DIR: path.join(cwd, "..", "cache") },
    now: opts.now ?? (() => 0),
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    prompt: async (q) => {
      io.asked.push(q);
      return opts.answer ?? "";
    },
  };
  return io;
}

/** Run the CLI in `cwd` and return the exit code and what it printed. */
export async function runMain(cwd: string, args: readonly string[], opts: FakeIoOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo(cwd, opts);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
