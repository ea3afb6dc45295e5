import { describe, expect, it } from "vitest";
import { plan } from "../../src/core/plan.js";
import type { DesiredItem } from "../../src/core/item.js";
import { CONFIG, file, hash, mcp, planAndApply, plugin, snapshot, TEMPLATE, type World } from "./builders.js";

const empty: World = { files: {}, sidecars: [] };
const userConfig = `{\n  // mine\n  "model": "x",\n  "mcp": {\n    "mine": { "type": "local", "command": ["me"] }\n  }\n}\n`;

describe("plan: creating, converging and leaving no trace", () => {
  it("creates the config file from the template when there is none, and removes it again", () => {
    const a = planAndApply(empty, [mcp("p", "dbt")], ["p"]);
    expect(a.plan.items.map((i) => [i.address, i.action])).toEqual([[`${CONFIG}#/mcp/dbt`, "create"]]);
    expect(JSON.parse(a.world.files[CONFIG]!)).toEqual({ ...TEMPLATE, mcp: { dbt: { type: "local", command: ["x", "dbt"] } } });
    expect(a.world.sidecars[0]!.created).toEqual([CONFIG, `${CONFIG}#/mcp`]);

    const again = planAndApply(a.world, [mcp("p", "dbt")], ["p"]);
    expect(again.plan.changes).toBe(false);

    const gone = planAndApply(a.world, [], []);
    expect(gone.plan.items.map((i) => i.action)).toEqual(["delete"]);
    expect(gone.world.files).toEqual({});
  });

  it("removes an `mcp` object it created but keeps one the user had", () => {
    const mine = planAndApply({ files: { [CONFIG]: userConfig }, sidecars: [] }, [mcp("p", "dbt")], ["p"]);
    const back = planAndApply(mine.world, [], []);
    expect(back.world.files[CONFIG]).toBe(userConfig);

    const noMcp = `{\n  "model": "x"\n}\n`;
    const created = planAndApply({ files: { [CONFIG]: noMcp }, sidecars: [] }, [mcp("p", "dbt")], ["p"]);
    expect(created.world.sidecars[0]!.created).toEqual([`${CONFIG}#/mcp`]);
    expect(planAndApply(created.world, [], []).world.files[CONFIG]).toBe(noMcp);
  });

  it("keeps a packs-created container that the user has put an entry in", () => {
    const noMcp = `{\n  "model": "x"\n}\n`;
    const a = planAndApply({ files: { [CONFIG]: noMcp }, sidecars: [] }, [mcp("p", "dbt")], ["p"]);
    const withMine = a.world.files[CONFIG]!.replace(`"mcp": {`, `"mcp": {\n    "mine": { "type": "local", "command": ["me"] },`);
    const b = planAndApply({ ...a.world, files: { [CONFIG]: withMine } }, [], []);
    expect(JSON.parse(b.world.files[CONFIG]!)).toEqual({ model: "x", mcp: { mine: { type: "local", command: ["me"] } } });
  });

  it("matches plugins by package name: a version bump is an update in place", () => {
    const a = planAndApply({ files: { [CONFIG]: `{\n  "plugin": ["mine", "@s/p@^1"]\n}\n` }, sidecars: [] }, [plugin("p", "@s/p@^1")], ["p"]);
    expect(a.plan.items[0]!.action).toBe("adopt");
    const b = planAndApply(a.world, [plugin("p", "@s/p@^2")], ["p"]);
    expect(b.plan.items[0]!.action).toBe("update");
    expect(b.world.files[CONFIG]).toBe(`{\n  "plugin": ["mine", "@s/p@^2"]\n}\n`);
  });
});

describe("plan: co-ownership", () => {
  it("two packs wanting one value co-own it; it goes with its last owner", () => {
    const a = planAndApply(empty, [plugin("a", "x@1"), plugin("b", "x@1")], ["a", "b"]);
    expect(a.plan.items[0]!.owners).toEqual(["a", "b"]);
    const b = planAndApply(a.world, [plugin("b", "x@1")], ["b"]);
    expect(b.plan.items[0]!.action).toBe("noop");
    expect(b.world.files[CONFIG]).toBe(a.world.files[CONFIG]);
    const c = planAndApply(b.world, [], []);
    expect(c.plan.items[0]!.action).toBe("delete");
    expect(c.world.files[CONFIG]).toBeUndefined();
  });

  it("two packs wanting different values at one address is an error naming both", () => {
    const p = plan({ desired: [mcp("a", "x", { type: "local", command: ["1"] }), mcp("b", "x", { type: "local", command: ["2"] })], templates: { [CONFIG]: TEMPLATE }, activePacks: ["a", "b"], sidecars: [], pending: [], live: snapshot({}), resolution: "none", hash });
    expect(p.diagnostics).toMatchObject([{ code: "plan/packs-disagree", severity: "error" }]);
    expect(p.diagnostics[0]!.summary).toContain('"a"');
    expect(p.diagnostics[0]!.summary).toContain('"b"');
  });
});

describe("plan: hand edits", () => {
  const applied = () => planAndApply(empty, [mcp("p", "dbt"), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"]).world;

  it("a hand edit is drift and blocks; --adopt keeps it durably; a later pack change is a conflict", () => {
    const w = applied();
    const edited = { ...w, files: { ...w.files, [CONFIG]: w.files[CONFIG]!.replace(`"x"`, `"y"`) } };
    const blocked = planAndApply(edited, [mcp("p", "dbt"), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"]);
    expect(blocked.plan.items.find((i) => i.blocked)).toMatchObject({ action: "drift", address: `${CONFIG}#/mcp/dbt` });

    const adopted = planAndApply(edited, [mcp("p", "dbt"), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"], "adopt");
    expect(adopted.world.files[CONFIG]).toBe(edited.files[CONFIG]);
    const later = planAndApply(adopted.world, [mcp("p", "dbt"), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"]);
    expect(later.plan.changes).toBe(false);

    const changed = planAndApply(adopted.world, [mcp("p", "dbt", { type: "local", command: ["new"] }), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"]);
    expect(changed.plan.items.find((i) => i.blocked)).toMatchObject({ action: "conflict" });
  });

  it("formatting alone is never drift (CRLF, indentation)", () => {
    const w = applied();
    const reformatted = { ...w, files: { ...w.files, ".agents/skills/s/SKILL.md": "skill\r\n", [CONFIG]: JSON.stringify(JSON.parse(w.files[CONFIG]!), null, "\t") } };
    expect(planAndApply(reformatted, [mcp("p", "dbt"), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"]).plan.changes).toBe(false);
  });

  it("removing a pack keeps a hand-edited file (release) and deletes the rest, with its folders", () => {
    const w = applied();
    const edited = { ...w, files: { ...w.files, ".agents/skills/s/SKILL.md": "mine\n" } };
    const r = planAndApply(edited, [], []);
    expect(r.plan.items.map((i) => i.action).sort()).toEqual(["delete", "release"]);
    expect(r.world.files[".agents/skills/s/SKILL.md"]).toBe("mine\n");
    expect(r.plan.files.rmdir).toEqual([]);
  });

  it("a deleted managed file is re-created; a deleted one nobody wants is forgotten", () => {
    const w = applied();
    const { [".agents/skills/s/SKILL.md"]: _, ...rest } = w.files;
    const r = planAndApply({ ...w, files: rest }, [mcp("p", "dbt"), file("p", ".agents/skills/s/SKILL.md", "skill\n")], ["p"]);
    expect(r.plan.items.find((i) => i.address.endsWith("SKILL.md"))!.action).toBe("recreate");
    const f = planAndApply({ ...w, files: rest }, [mcp("p", "dbt")], ["p"]);
    expect(f.plan.items.find((i) => i.address.endsWith("SKILL.md"))!.action).toBe("forget");
  });
});

describe("plan: folders", () => {
  it("records the folders it creates and removes them when they empty, children first", () => {
    const p = plan({ desired: [file("p", ".agents/skills/s/SKILL.md", "x\n")], templates: {}, activePacks: ["p"], sidecars: [], pending: [], live: snapshot({}), resolution: "none", hash });
    expect(p.files.mkdir).toEqual([".agents", ".agents/skills", ".agents/skills/s"]);
    const sidecar = p.sidecars.get("p")!;
    const live = snapshot({ ".agents/skills/s/SKILL.md": "x\n" });
    const r = plan({ desired: [], templates: {}, activePacks: [], sidecars: [sidecar], pending: [], live, resolution: "none", hash });
    expect(r.files.rmdir).toEqual([".agents/skills/s", ".agents/skills", ".agents"]);
  });

  it("never removes a folder the user had, nor one holding a user's file", () => {
    const p = plan({ desired: [file("p", ".agents/skills/s/SKILL.md", "x\n")], templates: {}, activePacks: ["p"], sidecars: [], pending: [], live: snapshot({ ".agents/README.md": "mine" }), resolution: "none", hash });
    expect(p.files.mkdir).toEqual([".agents/skills", ".agents/skills/s"]);
    const live = snapshot({ ".agents/README.md": "mine", ".agents/skills/s/SKILL.md": "x\n", ".agents/skills/s/notes.md": "mine" });
    const r = plan({ desired: [], templates: {}, activePacks: [], sidecars: [p.sidecars.get("p")!], pending: [], live, resolution: "none", hash });
    expect(r.files.rmdir).toEqual([]);
  });
});

describe("plan: recovery from an interrupted apply", () => {
  it("a journal's pending records win where the live value already matches them", () => {
    const first = planAndApply(empty, [mcp("p", "dbt")], ["p"]);
    // The pack changes; apply wrote the config file but died before writing the sidecar.
    const next = planAndApply(first.world, [mcp("p", "dbt", { type: "local", command: ["v2"] })], ["p"]);
    const interrupted = { files: next.world.files, sidecars: first.world.sidecars };
    const withoutJournal = plan({ desired: [mcp("p", "dbt", { type: "local", command: ["v2"] })], templates: { [CONFIG]: TEMPLATE }, activePacks: ["p"], sidecars: interrupted.sidecars, pending: [], live: snapshot(interrupted.files), resolution: "none", hash });
    expect(withoutJournal.items[0]!.action).toBe("adopt");
    const withJournal = plan({ desired: [mcp("p", "dbt", { type: "local", command: ["v2"] })], templates: { [CONFIG]: TEMPLATE }, activePacks: ["p"], sidecars: interrupted.sidecars, pending: next.world.sidecars, live: snapshot(interrupted.files), resolution: "none", hash });
    expect(withJournal.items[0]!.action).toBe("noop");
    expect(withJournal.files.writes).toEqual([]);
  });
});

describe("plan: scope (--agent)", () => {
  const forClaude = (owner: string, text: string) => ({ ...file(owner, ".claude/rules/p.md", text), agent: "claude-code" as const, serves: ["claude-code" as const] });
  const onlyOpencode = (serves: readonly string[]) => serves.includes("opencode");

  it("plans only the items serving the agent; the others are neither written nor forgotten", () => {
    const first = planAndApply(empty, [mcp("p", "dbt")], ["p"], "none", onlyOpencode);
    expect(first.plan.items.map((i) => i.address)).toEqual([`${CONFIG}#/mcp/dbt`]);
    const both = planAndApply(first.world, [mcp("p", "dbt"), forClaude("p", "rules\n")], ["p"]);
    expect(Object.keys(both.world.files).sort()).toEqual([".claude/rules/p.md", CONFIG]);

    // The pack changes both items; a plan for opencode updates only its entry and keeps the other record as it was.
    const scoped = planAndApply(both.world, [mcp("p", "dbt", { type: "local", command: ["y"] }), forClaude("p", "new rules\n")], ["p"], "none", onlyOpencode);
    expect(scoped.plan.items.map((i) => [i.address, i.action])).toEqual([[`${CONFIG}#/mcp/dbt`, "update"]]);
    expect(scoped.world.files[".claude/rules/p.md"]).toBe("rules\n");
    expect(scoped.world.sidecars[0]!.items[".claude/rules/p.md"]).toEqual(both.world.sidecars[0]!.items[".claude/rules/p.md"]);

    // Removing the pack under the same scope removes only opencode's entry.
    const gone = planAndApply(scoped.world, [], [], "none", onlyOpencode);
    expect(gone.plan.items.map((i) => [i.address, i.action])).toEqual([[`${CONFIG}#/mcp/dbt`, "delete"]]);
    expect(gone.world.files[".claude/rules/p.md"]).toBe("rules\n");
    expect(Object.keys(gone.world.sidecars[0]!.items)).toEqual([".claude/rules/p.md"]);
    const all = planAndApply(gone.world, [], []);
    expect(all.plan.items.map((i) => [i.address, i.action])).toEqual([[".claude/rules/p.md", "delete"]]);
    expect(all.world.files).toEqual({});
  });
});

describe("plan: ignore (keys agents rewrite themselves)", () => {
  const ID = `${CONFIG}#/mcp/dbt`;
  const rules = { [CONFIG]: [["mcp", "*", "alwaysAllow"], ["mcp", "*", "enabled"]] };
  const v1 = { type: "local", command: ["x", "dbt"] };
  const v2 = { type: "local", command: ["x", "dbt", "--v2"] };
  /** What an agent does to the config file: edit its value (formatting is never drift). */
  const agent = (w: World, f: (config: any) => void, path = CONFIG): World => {
    const c = JSON.parse(w.files[path]!);
    f(c);
    return { ...w, files: { ...w.files, [path]: `${JSON.stringify(c, null, 2)}\n` } };
  };
  const dbtOn = (w: World) => JSON.parse(w.files[CONFIG]!).mcp.dbt;
  /** Plan and apply with `ignore:` rules (by default `rules`; null: none). */
  const run = (w: World, desired: Parameters<typeof planAndApply>[1], resolution: "none" | "force" | "adopt" = "none", ignore: Record<string, string[][]> | null = rules) =>
    planAndApply(w, desired, desired.length > 0 ? ["p"] : [], resolution, undefined, ignore ?? undefined);

  it("a key an agent adds inside an owned entry is not drift; a pack update and --force keep it; removal takes it with the entry", () => {
    const a = run(empty, [mcp("p", "dbt", v1)]);
    const added = agent(a.world, (c) => { c.mcp.dbt.alwaysAllow = ["run"]; });
    expect(run(added, [mcp("p", "dbt", v1)], "none", null).plan.items[0]).toMatchObject({ action: "drift", blocked: true });
    const same = run(added, [mcp("p", "dbt", v1)]);
    expect(same.plan.items[0]).toMatchObject({ address: ID, action: "noop", blocked: false });
    expect(same.plan.changes).toBe(false);

    const up = run(added, [mcp("p", "dbt", v2)]);
    expect(up.plan.items[0]!.action).toBe("update");
    expect(dbtOn(up.world)).toEqual({ ...v2, alwaysAllow: ["run"] });
    expect(up.plan.items[0]!.patch).toEqual([{ op: "add", path: "/mcp/dbt/command/2", value: "--v2" }]);
    expect(up.world.sidecars[0]!.items[ID]!.value).toEqual(v2);
    expect(run(up.world, [mcp("p", "dbt", v2)]).plan.changes).toBe(false);

    const hand = agent(up.world, (c) => { c.mcp.dbt.command = ["mine"]; });
    expect(run(hand, [mcp("p", "dbt", v2)]).plan.items[0]).toMatchObject({ action: "drift", blocked: true });
    const forced = run(hand, [mcp("p", "dbt", v2)], "force");
    expect(dbtOn(forced.world)).toEqual({ ...v2, alwaysAllow: ["run"] });
    const adopted = run(hand, [mcp("p", "dbt", v2)], "adopt");
    expect(adopted.world.sidecars[0]!.items[ID]!.value).toEqual({ type: "local", command: ["mine"] });
    expect(run(adopted.world, [mcp("p", "dbt", v2)]).plan.changes).toBe(false);

    const gone = run(up.world, []);
    expect(gone.plan.items.map((i) => i.action)).toEqual(["delete"]);
    expect(gone.world.files).toEqual({});
  });

  it("where the pack sets the key itself, the agent's value is kept until the pack changes its own", () => {
    const a = run(empty, [mcp("p", "dbt", { ...v1, enabled: true })]);
    const off = agent(a.world, (c) => { c.mcp.dbt.enabled = false; });
    expect(run(off, [mcp("p", "dbt", { ...v1, enabled: true })]).plan.changes).toBe(false);
    const up = run(off, [mcp("p", "dbt", { ...v2, enabled: true })]);
    expect(up.plan.items[0]!.action).toBe("update");
    expect(dbtOn(up.world)).toEqual({ ...v2, enabled: false });

    const removed = agent(up.world, (c) => { delete c.mcp.dbt.enabled; });
    expect(run(removed, [mcp("p", "dbt", { ...v2, enabled: true })]).plan.changes).toBe(false);
    const packOff = run(removed, [mcp("p", "dbt", { ...v2, enabled: false })]);
    expect(packOff.plan.items[0]!.action).toBe("update");
    expect(dbtOn(packOff.world)).toEqual({ ...v2, enabled: false });
    const packDrops = run(packOff.world, [mcp("p", "dbt", v2)]);
    expect(dbtOn(packDrops.world)).toEqual(v2);
    expect(run(packDrops.world, [mcp("p", "dbt", v2)]).plan.changes).toBe(false);
  });

  it("someone else's entry that differs only at ignored keys is adopted; one that differs elsewhere is a conflict", () => {
    const theirs = (dbt: object): World => ({ files: { [CONFIG]: `${JSON.stringify({ mcp: { dbt } }, null, 2)}\n` }, sidecars: [] });
    const a = run(theirs({ ...v1, alwaysAllow: ["q"] }), [mcp("p", "dbt", v1)]);
    expect(a.plan.items[0]!.action).toBe("adopt");
    expect(a.plan.files.writes).toEqual([]);
    expect(a.world.sidecars[0]!.items[ID]!.value).toEqual(v1);
    expect(run(a.world, [mcp("p", "dbt", v1)]).plan.changes).toBe(false);
    expect(run(theirs({ ...v1, alwaysAllow: ["q"] }), [mcp("p", "dbt", v1)], "none", null).plan.items[0]!.action).toBe("conflict");
    expect(run(theirs({ ...v1, command: ["z"], alwaysAllow: ["q"] }), [mcp("p", "dbt", v1)]).plan.items[0]).toMatchObject({ action: "conflict", blocked: true });

    // The pack sets the key too: theirs differs there only, so it is adopted as the pack's value.
    const b = run(theirs({ ...v1, enabled: false }), [mcp("p", "dbt", { ...v1, enabled: true })]);
    expect(b.plan.items[0]!.action).toBe("adopt");
    expect(b.world.sidecars[0]!.items[ID]!.value).toEqual({ ...v1, enabled: true });
    expect(run(b.world, [mcp("p", "dbt", { ...v1, enabled: true })]).plan.changes).toBe(false);
  });

  it("a pointer naming a whole owned entry: never drift, a pack change rewrites it, removal deletes it; not someone else's", () => {
    const whole = { [CONFIG]: [["mcp", "dbt"]] };
    const a = run(empty, [mcp("p", "dbt", v1)], "none", whole);
    const rewritten = agent(a.world, (c) => { c.mcp.dbt = { type: "remote", url: "https://x" }; });
    expect(run(rewritten, [mcp("p", "dbt", v1)], "none", whole).plan.changes).toBe(false);
    expect(run(rewritten, [mcp("p", "dbt", v1)], "none", null).plan.items[0]!.action).toBe("drift");
    const up = run(rewritten, [mcp("p", "dbt", v2)], "none", whole);
    expect(up.plan.items[0]!.action).toBe("update");
    expect(dbtOn(up.world)).toEqual(v2);
    expect(run(rewritten, [], "none", whole).plan.items[0]!.action).toBe("delete");

    const foreign: World = { files: { [CONFIG]: `{ "mcp": { "dbt": { "type": "remote", "url": "https://x" } } }\n` }, sidecars: [] };
    expect(run(foreign, [mcp("p", "dbt", v1)], "none", whole).plan.items[0]).toMatchObject({ action: "conflict", blocked: true });
  });

  it("array elements: an agent pinning a plugin's version is not drift when /plugin/* is ignored", () => {
    const pins = { [CONFIG]: [["plugin", "*"]] };
    const a = run(empty, [plugin("p", "@s/p@^1")], "none", pins);
    const pinned = { ...a.world, files: { [CONFIG]: a.world.files[CONFIG]!.replace("@s/p@^1", "@s/p@1.2.3") } };
    expect(run(pinned, [plugin("p", "@s/p@^1")], "none", pins).plan.changes).toBe(false);
    expect(run(pinned, [plugin("p", "@s/p@^1")], "none", null).plan.items[0]!.action).toBe("drift");
    const up = run(pinned, [plugin("p", "@s/p@^2")], "none", pins);
    expect(JSON.parse(up.world.files[CONFIG]!).plugin).toEqual(["@s/p@^2"]);
  });

  it("an interrupted apply converges with an agent's change at an ignored key the pack sets", () => {
    const on = (v: object) => mcp("p", "dbt", { ...v, enabled: true });
    const first = run(empty, [on(v1)]);
    const next = run(first.world, [on(v2)]);
    const edited = agent({ files: next.world.files, sidecars: first.world.sidecars }, (c) => { c.mcp.dbt.enabled = false; });
    const input = { desired: [on(v2)], templates: { [CONFIG]: TEMPLATE }, activePacks: ["p"], sidecars: first.world.sidecars, live: snapshot(edited.files), resolution: "none" as const, hash, ignore: rules };
    const withJournal = plan({ ...input, pending: next.world.sidecars });
    expect(withJournal.items[0]!.action).toBe("noop");
    expect(withJournal.files.writes).toEqual([]);
  });

  it("TOML tables (Codex): an agent's key in an owned table survives a pack update", () => {
    const TOML = ".codex/config.toml";
    const server = (args: string[]): DesiredItem => ({ address: { kind: "entry", path: TOML, pointer: ["mcp_servers", "dbt"] }, owner: "p", agent: "codex", serves: ["codex"], value: { type: "json", value: { command: "uvx", args } }, description: "mcp dbt" });
    const tomlRules = { [TOML]: [["mcp_servers", "*", "tool_timeout_sec"]] };
    const a = run(empty, [server(["dbt-mcp"])], "none", tomlRules);
    const withKey = { ...a.world, files: { [TOML]: a.world.files[TOML]!.replace(/(args = .*\n)/, "$1tool_timeout_sec = 60\n") } };
    expect(withKey.files[TOML]).toContain("tool_timeout_sec = 60");
    expect(run(withKey, [server(["dbt-mcp"])], "none", null).plan.items[0]!.action).toBe("drift");
    expect(run(withKey, [server(["dbt-mcp"])], "none", tomlRules).plan.changes).toBe(false);
    const up = run(withKey, [server(["dbt-mcp@2"])], "none", tomlRules);
    expect(up.plan.items[0]!.action).toBe("update");
    expect(up.world.files[TOML]).toContain("dbt-mcp@2");
    expect(up.world.files[TOML]).toContain("tool_timeout_sec = 60");
    expect(run(up.world, [server(["dbt-mcp@2"])], "none", tomlRules).plan.changes).toBe(false);
  });

  it("a rule on a file packs owns whole is a warning", () => {
    const p = plan({ desired: [file("p", ".agents/skills/s/config.json", "{}\n")], templates: {}, activePacks: ["p"], sidecars: [], pending: [], live: snapshot({}), resolution: "none", hash, ignore: { ".agents/skills/s/config.json": [["x"]] } });
    expect(p.diagnostics).toMatchObject([{ code: "plan/ignore-not-applicable", severity: "warning" }]);
  });
});
