/**
 * Invariants of plan + apply over random pack states and random hand edits (in memory):
 * plan → apply → plan is empty; a hand edit is never overwritten without --force; the user's
 * own entries survive byte for byte; removing every pack restores the user's file exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyJsoncEdits } from "../../src/core/edit/jsonc-edit.js";
import { parseJsonc } from "../../src/core/edit/jsonc-parse.js";
import { CONFIG, mcp, planAndApply, plugin, type World } from "./builders.js";

const USER_TEXT = `{
  "$schema": "https://opencode.ai/config.json",
  // the user's own server
  "mcp": {
    "u1": { "type": "local", "command": ["mine"] }, // keep me
  },
  /* the user's plugins */
  "plugin": ["user-plugin@1"],
}
`;

const packName = fc.constantFrom("a", "b", "c");
const server = fc.constantFrom("s1", "s2", "s3");
const command = fc.constantFrom("x", "y");
const wanted = fc.array(fc.tuple(packName, fc.oneof(
  fc.tuple(fc.constant("mcp" as const), server, command),
  fc.tuple(fc.constant("plugin" as const), fc.constantFrom("p1", "p2"), fc.constantFrom("1", "2")),
)), { maxLength: 6 });
const step = fc.oneof(
  fc.record({ kind: fc.constant("packs" as const), wanted }),
  fc.record({ kind: fc.constant("edit" as const), name: server, value: fc.constantFrom("hand", "x") }),
);

function desiredOf(w: Array<[string, ["mcp", string, string] | ["plugin", string, string]]>) {
  // One value per (pack, address): the last one wins, like a pack manifest.
  const byKey = new Map<string, ReturnType<typeof mcp>>();
  for (const [pack, c] of w) {
    const item = c[0] === "mcp" ? mcp(pack, c[1], { type: "local", command: [c[2]] }) : plugin(pack, `${c[1]}@${c[2]}`);
    byKey.set(`${pack}:${c[0]}:${c[1]}`, item);
  }
  // Packs that disagree on a value are a plan error (tested elsewhere): keep the first pack's value.
  const byAddress = new Map<string, string>();
  return [...byKey.values()].filter((d) => {
    const id = JSON.stringify(d.address);
    const v = JSON.stringify(d.value);
    if (!byAddress.has(id)) byAddress.set(id, v);
    return byAddress.get(id) === v;
  });
}

const valueOf = (text: string | undefined, path: string[]) => {
  let v: unknown = parseJsonc(text ?? "{}").value;
  for (const p of path) v = (v as Record<string, unknown> | undefined)?.[p];
  return v;
};

describe("plan + apply invariants", () => {
  it("hold over random pack states and hand edits", () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
      let world: World = { files: { [CONFIG]: USER_TEXT }, sidecars: [] };
      const handEdited = new Map<string, unknown>();
      const released = new Set<string>();
      let desired: ReturnType<typeof desiredOf> = [];
      let active: string[] = [];
      for (const s of steps) {
        if (s.kind === "edit") {
          const managed = world.sidecars.some((sc) => Object.keys(sc.items).includes(`${CONFIG}#/mcp/${s.name}`));
          if (!managed) continue;
          const value = { type: "local", command: [s.value] };
          if (JSON.stringify(valueOf(world.files[CONFIG], ["mcp", s.name])) === JSON.stringify(value)) continue; // not an edit
          world = { ...world, files: { ...world.files, [CONFIG]: applyJsoncEdits(world.files[CONFIG]!, [{ op: "set", path: ["mcp", s.name], value }]) } };
          // Editing back to exactly what packs wrote undoes the hand edit.
          const written = world.sidecars.map((sc) => sc.items[`${CONFIG}#/mcp/${s.name}`]?.value).find((v) => v !== undefined);
          if (JSON.stringify(written) === JSON.stringify(value)) handEdited.delete(s.name);
          else handEdited.set(s.name, value);
          continue;
        }
        desired = desiredOf(s.wanted);
        active = [...new Set(s.wanted.map(([p]) => p))];
        const before = world;
        const { plan, world: after } = planAndApply(world, desired, active);
        if (plan.items.some((i) => i.blocked)) {
          expect(after).toBe(before); // blocked: nothing written
          continue;
        }
        world = after;
        plan.items.filter((i) => i.action === "release").forEach((i) => released.add(i.address));
        // A hand edit (or a released entry) equal to what a pack now wants is adopted: owned again
        // (DESIGN §4 row "— = D yes"), and goes with its pack like any owned item.
        for (const i of plan.items.filter((x) => x.action === "adopt")) {
          handEdited.delete(i.address.split("/").pop()!);
          released.delete(i.address);
        }
        // plan → apply → plan is empty
        expect(planAndApply(world, desired, active).plan.changes).toBe(false);
        // the user's own entries survive byte for byte
        expect(world.files[CONFIG]).toContain(`"u1": { "type": "local", "command": ["mine"] }, // keep me`);
        expect(world.files[CONFIG]).toContain(`"user-plugin@1"`);
        // a hand edit is never overwritten without --force
        for (const [name, value] of handEdited) {
          const live = valueOf(world.files[CONFIG], ["mcp", name]);
          if (JSON.stringify(live) !== JSON.stringify(value)) {
            // Only allowed when the edit had already been made equal to the pack's value, or the
            // entry went away because it was never touched after being released... neither
            // may happen silently: the plan must have said so.
            expect(plan.items.find((i) => i.address === `${CONFIG}#/mcp/${name}`)?.action).not.toBe("update");
            expect(live).toEqual(value);
          }
        }
      }
      // Removing every pack: the user's file comes back exactly, except entries packs released
      // because they had been edited by hand (kept as the user's).
      const { plan, world: end } = planAndApply(world, [], []);
      plan.items.filter((i) => i.action === "release").forEach((i) => released.add(i.address));
      if (released.size === 0) expect(end.files[CONFIG]).toBe(USER_TEXT);
      for (const a of released) expect(valueOf(end.files[CONFIG], ["mcp", a.split("/").pop()!])).toBeDefined();
    }), { numRuns: Number(process.env.PACKS_PROPERTY_RUNS ?? 300) });
  });
});
