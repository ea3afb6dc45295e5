/**
 * The live views on a terminal (ink, in process, on fake TTY streams): the approval prompt reads
 * what is typed, and apply shows its finished steps above the summary.
 */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { askApproval } from "../../src/ui/views.js";
import { fakeIo } from "./fake-io.js";
import { fakeTerminal, stripAnsi } from "./fake-terminal.js";

// ink draws only the last frame when it sees CI (read once, when it loads), and packs never
// mounts live views there; these tests are about a person's terminal.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

function quickstart(): string {
  const dir = mkdtempSync(join(tmpdir(), "packs-live-"));
  cpSync(join(import.meta.dirname, "..", "..", "examples", "quickstart"), dir, { recursive: true });
  return dir;
}

/** Type into the terminal once the prompt is on screen. */
async function answer(terminal: ReturnType<typeof fakeTerminal>, keys: string[]): Promise<void> {
  while (!stripAnsi(terminal.written().stdout).includes("Apply?")) await new Promise((r) => setTimeout(r, 10));
  for (const k of keys) {
    terminal.type(k);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("approval prompt", () => {
  it.each([
    ["yes, Enter", ["y", "e", "s", "\r"], "yes"],
    ["a typo corrected with Backspace", ["y", "e", "p", "\x7f", "s", "\r"], "yes"],
    ["Escape", ["y", "\x1b"], ""],
    ["Ctrl-C", ["\x03"], ""],
    ["keys typed ahead, arriving at once with a newline", ["yes\n"], "yes"],
  ])("answers what was typed: %s", async (_, keys, expected) => {
    const terminal = fakeTerminal();
    const asked = askApproval(terminal, "Apply? ", false);
    await answer(terminal, keys);
    expect(await asked).toBe(expected);
  });
});

describe("apply on a terminal", () => {
  it("keeps each finished step above the summary", async () => {
    const dir = quickstart();
    const terminal = fakeTerminal();
    const io = fakeIo(dir, { interactive: true, terminal, answer: "yes", env: { PACKS_CACHE_DIR: join(dir, ".cache") } });
    expect(await main(["apply"], io)).toBe(0);
    expect(io.asked).toEqual(["Apply these changes? Only 'yes' is accepted: "]);
    const shown = stripAnsi(terminal.written().stdout);
    const steps = shown.split("\n").filter((l) => l.startsWith("  ✓ "));
    expect(steps).toContain("  ✓ wrote opencode.jsonc");
    expect(steps).toContain("  ✓ wrote packs.lock.yaml");
    expect(new Set(steps).size).toBe(steps.length);
    expect(shown).toContain("Apply complete: 5 added, 0 changed, 0 removed.");
    expect(shown.indexOf("Apply complete")).toBeGreaterThan(shown.lastIndexOf("  ✓ "));
    expect(readFileSync(join(dir, "opencode.jsonc"), "utf8")).toContain('"dbt"');
  });
});
