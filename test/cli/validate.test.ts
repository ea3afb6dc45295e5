/**
 * `packs validate [DIR]`, in process: a pack folder is loaded as a local source is, every
 * problem reported in one run with file:line:col, plus hidden Unicode and literal secrets as
 * warnings. Exit 0 without errors (warnings allowed), 1 with. It never writes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./fake-io.js";


const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));


const run = (cwd: string, ...args: string[]) => runMain(cwd, args);

async function json(cwd: string, ...args: string[]): Promise<{ code: number; value: any }> {
  const r = await run(cwd, ...args, "--json");
  expect(r.stderr).toBe("");
  return { code: r.code, value: JSON.parse(r.stdout) };
}

/** A folder `root/packs/<name>` with these files; returns root. */
function packFolder(name: string, files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "packs-validate-"));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, "packs", name, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

function snapshot(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).map((e) => `${path.relative(root, path.join(e.parentPath, e.name))}:${e.isFile() ? fs.readFileSync(path.join(e.parentPath, e.name), "utf8") : "dir"}`).sort();
}

const skill = (name: string, body = "Do it well.") => `---\nname: ${name}\ndescription: The ${name} skill\n---\n${body}\n`;

const GOOD = {
  "PACK.yaml": [
    "name: team",
    "version: 1.2.0",
    "description: The team pack",
    "tier: verified",
    "instructions: |",
    "  Be kind in reviews.",
    "skill_groups:",
    "  extra:",
    "    activation: manual",
    "    skills: [lint]",
    "mcp:",
    "  gh:",
    "    command: [npx, gh-mcp@1.0.0]",
    "    env:",
    '      GITHUB_TOKEN: "${env:GITHUB_TOKEN}"',
    "plugins: [\"@acme/review-plugin@1.0.0\"]",
    "",
  ].join("\n"),
  "skills/review/SKILL.md": skill("review"),
  "skills/review/checklist.md": "- tests\n",
  "skills/lint/SKILL.md": skill("lint"),
};

describe("packs validate", () => {
  it("passes a good pack: exit 0, a one-line summary, the counts as JSON", async () => {
    const root = packFolder("team", GOOD);
    const before = snapshot(root);
    const r = await run(root, "validate", "packs/team");
    expect(r).toEqual({ code: 0, stderr: "", stdout: "packs validate: packs/team is a valid pack team 1.2.0 (2 skills, 1 MCP server, 1 plugin, instructions).\n" });
    const j = await json(root, "validate", "packs/team/");
    expect(j).toEqual({
      code: 0,
      value: {
        format_version: "1",
        ok: true,
        pack: { name: "team", version: "1.2.0", description: "The team pack", tier: "verified", manifest: "PACK.yaml", skills: 2, skill_groups: 1, mcp: 1, plugins: 1, instructions: true, files: 4, remote_skill_sources: [] },
        diagnostics: [],
      },
    });
    expect(snapshot(root)).toEqual(before);
  });

  it("validates the current folder by default, and --cwd's", async () => {
    const root = packFolder("team", GOOD);
    const here = await run(path.join(root, "packs", "team"), "validate");
    expect(here.code).toBe(0);
    expect(here.stdout).toContain("packs validate: . is a valid pack team 1.2.0");
    const there = await run(root, "--cwd", "packs/team", "validate");
    expect(there.code).toBe(0);
    expect(there.stdout).toContain("packs validate: packs/team is a valid pack team 1.2.0");
  });

  it("reports every problem in one run, each at file:line:col with a hint: exit 1", async () => {
    const root = packFolder("bad", {
      "PACK.yaml": "name: Bad Pack\ndescription: ''\nversion: 1\nmcp:\n  gh:\n    type: http\n  'bad name':\n    command: [x]\nskills: [missing]\n",
      "skills/ok-skill/SKILL.md": "---\nname: other-name\ndescription: x\n---\n",
      "skills/nodesc/SKILL.md": "---\nname: nodesc\n---\n",
    });
    const r = await run(root, "validate", "packs/bad");
    expect(r.code).toBe(1);
    const codes = [...r.stderr.matchAll(/^(error|warning|info)\[([^\]]+)\] (\S+): /gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(codes).toEqual([
      "error pack/invalid-name packs/bad/PACK.yaml:1:7",
      "error pack/missing-field packs/bad/PACK.yaml:2:14",
      "error pack/wrong-type packs/bad/PACK.yaml:3:10",
      "error pack/mcp-missing-url packs/bad/PACK.yaml:5:3",
      "error pack/invalid-name packs/bad/PACK.yaml:7:3",
      "error pack/unknown-skill packs/bad/PACK.yaml:9:10",
      "error pack/skill-no-description packs/bad/skills/nodesc/SKILL.md:2:1",
      "error pack/skill-name-mismatch packs/bad/skills/ok-skill/SKILL.md:2:7",
    ]);
    expect(r.stderr.match(/^ {2}hint: /gm)).toHaveLength(codes.length);
    expect(r.stdout).toBe("packs validate: packs/bad: 8 errors.\n");
    const j = await json(root, "validate", "packs/bad");
    expect(j.code).toBe(1);
    expect(j.value).toMatchObject({ ok: false, pack: null });
    expect(j.value.diagnostics).toHaveLength(8);
  });

  it("warns about hidden Unicode in SKILL.md files, other skill files, instructions and the manifest: exit 0", async () => {
    const root = packFolder("sneaky", {
      "PACK.yaml": "name: sneaky\ndescription: Looks fine\ninstructions: |\n  Always run tests.\u200B\n",
      "skills/review/SKILL.md": `\uFEFF---\nname: review\ndescription: Reviews\n---\nApprove if /* \u202E } \u2066 */ ok.\nEmoji stay fine: 👩‍💻 ❤️\n`,
      "skills/review/notes.md": `Hi${[..."run rm -rf"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("")}\n`,
      "README.md": "not read by agents \u202E\n",
    });
    const r = await run(root, "validate", "packs/sneaky");
    expect(r.code).toBe(0);
    const found = [...r.stderr.matchAll(/^warning\[pack\/hidden-unicode\] (\S+): (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(found).toEqual([
      ["packs/sneaky/PACK.yaml:4:20", "a zero-width character, U+200B ZERO WIDTH SPACE: invisible in review, read by the agent"],
      ["packs/sneaky/skills/review/SKILL.md:5:15", "a bidirectional control character, U+202E RIGHT-TO-LEFT OVERRIDE: invisible in review, read by the agent"],
      ["packs/sneaky/skills/review/SKILL.md:5:19", "a bidirectional control character, U+2066 LEFT-TO-RIGHT ISOLATE: invisible in review, read by the agent"],
      ["packs/sneaky/skills/review/notes.md:1:3", expect.stringContaining('10 Unicode tag characters in a row (U+E0072 TAG LATIN SMALL LETTER R, U+E0075 TAG LATIN SMALL LETTER U, U+E006E TAG LATIN SMALL LETTER N and 4 other code points), invisibly spelling "run rm -rf"')],
    ]);
    expect(r.stderr).toContain("Trojan Source");
    expect(r.stdout).toBe("packs validate: packs/sneaky is a valid pack sneaky 1.0.0 (1 skill, instructions); 4 warnings.\n");
    const j = await json(root, "validate", "packs/sneaky");
    expect(j.value.ok).toBe(true);
    expect(j.value.diagnostics[1]).toMatchObject({ code: "pack/hidden-unicode", severity: "warning", location: { file: "packs/sneaky/skills/review/SKILL.md", line: 5, col: 15 } });
  });

  it("reports at most 20 places per file, then how many more", async () => {
    const root = packFolder("many", { "PACK.yaml": "name: many\ndescription: x\n", "skills/a-skill/SKILL.md": skill("a-skill", "x\u200By\n".repeat(25)) });
    const { value } = await json(root, "validate", "packs/many");
    const hidden = value.diagnostics.filter((d: { code: string }) => d.code === "pack/hidden-unicode");
    expect(hidden).toHaveLength(21);
    expect(hidden[20]).toMatchObject({ summary: "5 more places with hidden characters in this file, from here on", location: { file: "packs/many/skills/a-skill/SKILL.md", line: 25, col: 2 } });
  });

  it("warns about a literal secret in an MCP server, at its line, without printing it; also when the pack has errors", async () => {
    const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    const root = packFolder("leaky", {
      "PACK.yaml": `name: leaky\ndescription: x\nmcp:\n  gh:\n    type: http\n    url: https://example.com/mcp\n    headers:\n      Authorization: "Bearer ${token}"\n`,
    });
    const r = await run(root, "validate", "packs/leaky");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[secrets/literal] packs/leaky/PACK.yaml:8:22: MCP server "gh" has what looks like a literal secret in headers.Authorization (value not shown)');
    expect(r.stderr + r.stdout).not.toContain(token);
    fs.appendFileSync(path.join(root, "packs/leaky/PACK.yaml"), "tier: gold\n");
    const broken = await run(root, "validate", "packs/leaky");
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("error[pack/invalid-value]");
    expect(broken.stderr).toContain("warning[secrets/literal] packs/leaky/PACK.yaml:8:22");
  });

  it("does not fetch remote skill sources: a warning, not an error, and the pack is still summarised", async () => {
    const root = packFolder("kit", {
      "KIT.yaml": "name: kit\ndescription: x\nversion: 2.0.0\nskills:\n  - source: acme/skills\n    select: [remote-one]\n  - local-one\nskill_groups:\n  more:\n    skills: [remote-two]\n",
      "skills/local-one/SKILL.md": skill("local-one"),
    });
    const r = await run(root, "validate", "packs/kit");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[pack/remote-skill-source] packs/kit/KIT.yaml:5:13: remote skill source "acme/skills" was not fetched: packs validate checks the pack\'s own files');
    expect(r.stderr).toContain('warning[pack/unknown-skill] packs/kit/KIT.yaml:10:14: no skill "remote-two" in this pack (unless a remote skill source provides it, which packs validate does not fetch)');
    expect(r.stderr).toContain("info[pack/legacy-manifest]");
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.stdout).toBe("packs validate: packs/kit is a valid pack kit 2.0.0 (skills from acme/skills (not fetched)); 2 warnings.\n");
    const j = await json(root, "validate", "packs/kit");
    expect(j.value.pack).toEqual({ name: "kit", version: "2.0.0", description: "x", tier: "community", manifest: "KIT.yaml", skill_groups: 1, mcp: 0, plugins: 0, instructions: false, files: 2, remote_skill_sources: ["acme/skills"] });
  });

  it("still fails a pack with remote skill sources on its own errors", async () => {
    const root = packFolder("kit", {
      "PACK.yaml": "name: kit\ndescription: x\nskills:\n  - source: acme/skills\n  - path: skills/nowhere\n",
    });
    const r = await json(root, "validate", "packs/kit");
    expect(r.code).toBe(1);
    expect(r.value.diagnostics.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toEqual(["warning pack/remote-skill-source", "error pack/skill-not-found"]);
    expect(r.value.pack).toBeNull();
  });

  it("validates a Claude Code plugin folder too", async () => {
    const root = packFolder("plug", {
      ".claude-plugin/plugin.json": JSON.stringify({ name: "plug", version: "0.3.0", description: "A plugin" }),
      "skills/helper/SKILL.md": skill("helper", "Help.\u200D"),
    });
    const r = await json(root, "validate", "packs/plug");
    expect(r.code).toBe(0);
    expect(r.value.pack).toMatchObject({ name: "plug", version: "0.3.0", manifest: ".claude-plugin/plugin.json", skills: 1 });
    expect(r.value.diagnostics).toMatchObject([{ code: "pack/hidden-unicode", location: { file: "packs/plug/skills/helper/SKILL.md", line: 5, col: 6 } }]);
  });

  it("fails on a folder that is not there, a file, or one without a manifest", async () => {
    const root = packFolder("empty", { "notes.txt": "x\n" });
    const missing = await run(root, "validate", "packs/nope");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error[validate/no-folder] packs/nope: the folder does not exist");
    const file = await run(root, "validate", "packs/empty/notes.txt");
    expect(file.stderr).toContain("error[validate/no-folder] packs/empty/notes.txt: the folder is a file, not a folder");
    const empty = await json(root, "validate", "packs/empty");
    expect(empty).toMatchObject({ code: 1, value: { ok: false, pack: null, diagnostics: [{ code: "pack/no-manifest", location: { file: "packs/empty" } }] } });
  });

  it("reports the read limits as a project would (a file over 5 MiB)", async () => {
    const root = packFolder("big", { "PACK.yaml": "name: big\ndescription: x\n", "skills/big-one/SKILL.md": skill("big-one"), "skills/big-one/data.bin": "x".repeat(5 * 1024 * 1024 + 1) });
    const r = await json(root, "validate", "packs/big");
    expect(r.code).toBe(1);
    expect(r.value.diagnostics).toMatchObject([{ code: "source/file-too-large", location: { file: "packs/big/skills/big-one/data.bin" } }]);
  });
});
