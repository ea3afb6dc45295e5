import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/core/sidecar.js";
import { observeLive, type KeepText } from "../../src/engine/observe-live.js";
import { ProjectFs } from "../../src/io/project-fs.js";
import { file, mcp } from "../core/builders.js";

const SKILL = ".claude/skills/s/SKILL.md";
const RULE = ".claude/rules/r.md";
const GONE = ".claude/rules/gone.md";

function project(): ProjectFs {
  const root = mkdtempSync(join(tmpdir(), "packs-observe-"));
  const files: Record<string, string> = {
    [SKILL]: "# the pack's skill\n", // what the pack wants
    [RULE]: "# edited by hand\n", // the pack wants other text
    [GONE]: "# no pack wants it\n", // recorded only: a removal
    "opencode.json": '{ "mcp": {} }\n', // a file packs edits a part of
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, ".."), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return new ProjectFs(root);
}

const desired = [file("p", SKILL, "# the pack's skill\n"), file("p", RULE, "# the pack's rule\n"), mcp("p", "srv")];
const recorded: Sidecar[] = [{ format_version: "1", pack: "p", created: [], items: { [GONE]: { address: { kind: "file", path: GONE }, agent: "claude-code", written: "w", base: "b" } } }];

describe("observeLive", () => {
  it.each<[KeepText, string[]]>([
    ["all", [GONE, RULE, SKILL, "opencode.json"]],
    // A file that already holds the pack's content needs no text: nothing to diff.
    ["changed", [GONE, RULE, "opencode.json"]],
    ["none", ["opencode.json"]],
  ])("keep %s: texts of %j", async (keep, withText) => {
    const snap = await observeLive(project(), desired, recorded, { text: keep, folders: true });
    expect(Object.keys(snap.files).filter((p) => snap.files[p]!.text !== undefined).sort()).toEqual(withText);
    // Every file is hashed whatever is kept, with the same hashes.
    const all = await observeLive(project(), desired, recorded, { text: "all", folders: true });
    for (const p of Object.keys(all.files)) expect({ p, hash: snap.files[p]!.hash, raw: snap.files[p]!.raw }).toEqual({ p, hash: all.files[p]!.hash, raw: all.files[p]!.raw });
  });
});

describe("observeLive without folders", () => {
  it("lists no folder, and reads the same files", async () => {
    const snap = await observeLive(project(), desired, recorded, { text: "none", folders: false });
    const full = await observeLive(project(), desired, recorded, { text: "none", folders: true });
    expect(snap.dirs).toEqual({});
    expect(Object.keys(full.dirs)).toContain(".claude/skills/s");
    expect(snap.files).toEqual(full.files);
  });
});
