/**
 * The engine's progress hook: on a terminal, ink shows each network operation while it runs
 * and keeps it, timed, once it ends (on stderr); with --json or without a terminal, nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { fakeIo } from "./fake-io.js";
import { fakeTerminal, stripAnsi, type FakeTerminal } from "./fake-terminal.js";
import { main } from "../../src/cli/main.js";
import { GitRemote, packFiles } from "../e2e/sources/git-remote.js";

function io(cwd: string, terminal?: FakeTerminal) {
  let t = 0;
  return fakeIo(cwd, { interactive: terminal !== undefined, ...(terminal && { terminal }), env: { PACKS_CACHE_DIR: path.join(cwd, ".cache") }, now: () => (t += 250) });
}

describe("fetch progress", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-progress-"));
  const remote = new GitRemote(root, "r");
  for (const [rel, text] of Object.entries(packFiles("team", "1.0.0", "Body."))) remote.write(`packs/team/${rel}`, text);
  remote.commit("one", "v1");
  const project = path.join(root, "p");
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "packs.yaml"), `version: 1\nagents: [codex]\npacks:\n  team:\n    source: git+${remote.url}\n    ref: v1\n    path: packs/team\n`);

  it("shows the fetch starting and ending, timed, on a terminal", async () => {
    const terminal = fakeTerminal();
    const o = io(project, terminal);
    expect(await main(["plan"], o)).toBe(0);
    expect(o.stderr).toBe("");
    expect(stripAnsi(terminal.written().stderr)).toContain(`  ✓ git fetch ${remote.url} (0.3 s)\n`);
    expect(o.stdout).toContain("pack team 1.0.0");
  });

  it("says nothing with --json or off a terminal", async () => {
    const terminal = fakeTerminal();
    const json = io(project, terminal);
    expect(await main(["plan", "--json"], json)).toBe(0);
    const pipe = io(project);
    expect(await main(["plan"], pipe)).toBe(0);
    expect(json.stderr + pipe.stderr + terminal.written().stderr).toBe("");
  });

  it("marks a failed fetch", async () => {
    fs.writeFileSync(path.join(project, "packs.yaml"), `version: 1\nagents: [codex]\npacks:\n  team:\n    source: git+file:///nonexistent/x.git\n`);
    const terminal = fakeTerminal();
    const o = io(project, terminal);
    expect(await main(["plan"], o)).toBe(1);
    expect(stripAnsi(terminal.written().stderr)).toContain("  ✗ git fetch file:///nonexistent/x.git (");
    expect(o.stderr).toContain("error[source/fetch-failed]");
  });
});
