/**
 * packs on a real terminal: the built CLI runs inside tmux (a pseudo-terminal), and the test
 * reads the screen as a person would see it. Proves colour on a terminal, the approval prompt
 * answered by typing, and apply's finished steps above the summary.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, BIN, REPO_ROOT } from "./harness.js";

const SOCKET = `packs-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });

/** The screen of the session, with colour escapes when `escapes`. */
const screen = (escapes = false) => tmux("capture-pane", "-p", "-J", ...(escapes ? ["-e"] : []), "-S", "-200", "-t", "t");

async function waitFor(text: string): Promise<string> {
  const until = Date.now() + 30_000;
  for (;;) {
    const s = screen();
    if (s.includes(text)) return s;
    if (Date.now() > until) throw new Error(`"${text}" never appeared on the terminal:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("on a real terminal (tmux)", () => {
  const root = mkdtempSync(join(tmpdir(), "packs-tty-"));
  beforeAll(() => assertBuilt());
  afterAll(() => {
    try {
      tmux("kill-server");
    } catch {
      // already gone
    }
    rmSync(root, { recursive: true, force: true });
  });

  /** Run packs in a new copy of the quickstart example, in a 120 × 50 terminal. */
  function start(name: string, args: string): string {
    const dir = join(root, name);
    cpSync(join(REPO_ROOT, "examples", "quickstart"), dir, { recursive: true });
    // A clean environment: no CI (packs draws nothing live under CI), a colour terminal.
    const env = `env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color PACKS_CACHE_DIR=${join(root, ".cache")}`;
    tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "50", "-c", dir, `${env} node ${BIN} ${args}; echo "[exit $?]"; sleep 600`);
    return dir;
  }

  it("colours the plan, asks for approval, and shows each step of the apply", async () => {
    const dir = start("yes", "apply");
    await waitFor("Only 'yes' is accepted");
    const coloured = screen(true);
    expect(coloured).toMatch(/\x1b\[(?:1;)?32m\+/); // a green "+" before an addition
    expect(coloured).toContain("\x1b[1mPlan:");
    tmux("send-keys", "-t", "t", "yes", "Enter");
    const done = await waitFor("[exit 0]");
    expect(done).toContain("Apply these changes? Only 'yes' is accepted: yes");
    expect(done).toMatch(/✓ wrote opencode\.jsonc/);
    expect(done.indexOf("Apply complete: 5 added")).toBeGreaterThan(done.lastIndexOf("✓ wrote"));
    expect(readFileSync(join(dir, "opencode.jsonc"), "utf8")).toContain('"dbt"');
    tmux("kill-session", "-t", "t");
  });

  it("answers anything but yes with a refusal, writing nothing", async () => {
    const dir = start("no", "apply");
    await waitFor("Only 'yes' is accepted");
    tmux("send-keys", "-t", "t", "no", "Enter");
    const done = await waitFor("[exit 1]");
    expect(done).toContain("Apply refused: not approved. Nothing was written.");
    expect(readFileSync(join(dir, "opencode.jsonc"), "utf8")).not.toContain('"dbt"');
    tmux("kill-session", "-t", "t");
  });
});
