/**
 * A terminal for ink's live views in process: writable streams that say they are a TTY and keep
 * everything written, and a stdin that a test types into.
 */
import { PassThrough } from "node:stream";
import type { LiveTerminal } from "../../src/ui/views.js";

export interface FakeTerminal extends LiveTerminal {
  /** Everything written to stdout / stderr, escape codes and all. */
  written(): { stdout: string; stderr: string };
  type(text: string): void;
}

function ttyOut(columns: number, sink: string[]): NodeJS.WriteStream {
  const s = new PassThrough();
  s.on("data", (chunk: Buffer) => sink.push(chunk.toString("utf8")));
  return Object.assign(s, { isTTY: true, columns, rows: 40 }) as unknown as NodeJS.WriteStream;
}

export function fakeTerminal(columns = 100): FakeTerminal {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin }) as unknown as NodeJS.ReadStream;
  return {
    stdin,
    stdout: ttyOut(columns, out),
    stderr: ttyOut(columns, err),
    written: () => ({ stdout: out.join(""), stderr: err.join("") }),
    type: (text) => void (stdin as unknown as PassThrough).write(text),
  };
}

/** The text of terminal output with colour and cursor escapes taken out. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b\][^\u0007]*\u0007/g, "");
}
