import { describe, expect, it } from "vitest";
import { decide, type RecordedHashes, type Resolution } from "../../src/core/decide.js";

const R = (written: string, base = written): RecordedHashes => ({ written, base });

// One row per line of the ownership table (DESIGN §4), plus the adoption rows.
const rows: Array<{
  row: string;
  recorded?: RecordedHashes;
  live?: string;
  desired?: string;
  resolution?: Resolution;
  expect: { action: string; blocked: boolean; write: string; record?: RecordedHashes };
}> = [
  { row: "— — yes: create", live: undefined, desired: "d", expect: { action: "create", blocked: false, write: "desired", record: R("d") } },
  { row: "— =D yes: adopt", live: "d", desired: "d", expect: { action: "adopt", blocked: false, write: "nothing", record: R("d") } },
  { row: "— ≠D yes: conflict, blocked", live: "u", desired: "d", expect: { action: "conflict", blocked: true, write: "nothing" } },
  { row: "— ≠D yes --force: overwrite", live: "u", desired: "d", resolution: "force", expect: { action: "conflict", blocked: false, write: "desired", record: R("d") } },
  { row: "— ≠D yes --adopt: keep theirs", live: "u", desired: "d", resolution: "adopt", expect: { action: "conflict", blocked: false, write: "nothing", record: R("u", "d") } },
  { row: "R =R =R: noop", recorded: R("r"), live: "r", desired: "r", expect: { action: "noop", blocked: false, write: "nothing", record: R("r") } },
  { row: "R =R ≠R: update", recorded: R("r"), live: "r", desired: "d", expect: { action: "update", blocked: false, write: "desired", record: R("d") } },
  { row: "R ≠R yes: drift, blocked", recorded: R("r"), live: "u", desired: "r", expect: { action: "drift", blocked: true, write: "nothing" } },
  { row: "R ≠R yes (pack changed too): drift", recorded: R("r"), live: "u", desired: "d", expect: { action: "drift", blocked: true, write: "nothing" } },
  { row: "R ≠R yes --force: write D", recorded: R("r"), live: "u", desired: "d", resolution: "force", expect: { action: "drift", blocked: false, write: "desired", record: R("d") } },
  { row: "R ≠R yes --adopt: keep the hand edit", recorded: R("r"), live: "u", desired: "r", resolution: "adopt", expect: { action: "drift", blocked: false, write: "nothing", record: R("u", "r") } },
  { row: "R ≠R =D: hand edit equals the new value, adopt", recorded: R("r"), live: "d", desired: "d", expect: { action: "adopt", blocked: false, write: "nothing", record: R("d") } },
  { row: "R — yes: recreate", recorded: R("r"), live: undefined, desired: "r", expect: { action: "recreate", blocked: false, write: "desired", record: R("r") } },
  { row: "R =R no: delete", recorded: R("r"), live: "r", desired: undefined, expect: { action: "delete", blocked: false, write: "delete" } },
  { row: "R ≠R no: release", recorded: R("r"), live: "u", desired: undefined, expect: { action: "release", blocked: false, write: "nothing" } },
  { row: "R — no: forget", recorded: R("r"), live: undefined, desired: undefined, expect: { action: "forget", blocked: false, write: "nothing" } },
  { row: "adopted, pack unchanged: noop, the user's value stays", recorded: R("u", "d"), live: "u", desired: "d", expect: { action: "noop", blocked: false, write: "nothing", record: R("u", "d") } },
  { row: "adopted, pack changed: conflict again", recorded: R("u", "d"), live: "u", desired: "d2", expect: { action: "conflict", blocked: true, write: "nothing" } },
  { row: "adopted, pack changed, --force", recorded: R("u", "d"), live: "u", desired: "d2", resolution: "force", expect: { action: "conflict", blocked: false, write: "desired", record: R("d2") } },
  { row: "adopted, pack changed to the user's value: adopt", recorded: R("u", "d"), live: "u", desired: "u", expect: { action: "adopt", blocked: false, write: "nothing", record: R("u") } },
  { row: "adopted, dropped from pack: delete the user's value? no — live = R so delete", recorded: R("u", "d"), live: "u", desired: undefined, expect: { action: "delete", blocked: false, write: "delete" } },
];

describe("decide: the ownership table", () => {
  it.each(rows)("$row", ({ recorded, live, desired, resolution, expect: want }) => {
    const got = decide(recorded, live, desired, resolution ?? "none");
    expect({ action: got.action, blocked: got.blocked, write: got.write, record: got.record }).toEqual({ record: undefined, ...want });
  });

  it("never writes over a live value it does not own without a resolution", () => {
    for (const live of ["u", "d"]) for (const desired of ["d", "x"]) {
      const got = decide(undefined, live, desired, "none");
      if (got.write === "desired") throw new Error(`wrote over ${live}`);
    }
  });

  it("throws on an item that is neither recorded nor desired (a planner bug)", () => {
    expect(() => decide(undefined, "u", undefined, "none")).toThrow(/bug/);
  });
});
