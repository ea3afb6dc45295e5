/**
 * The ownership table of DESIGN §4, as one pure function. Inputs are hashes of canonical values
 * (formatting is never drift); `undefined` means absent.
 *
 *   recorded  live     desired   action
 *   —         —        yes       create
 *   —         = D      yes       adopt      (record ownership, write nothing)
 *   —         ≠ D      yes       conflict   (blocked unless --force / --adopt)
 *   yes       = R      = R       noop
 *   yes       = R      ≠ R       update     (conflict when R was adopted: the user's value would go)
 *   yes       ≠ R      yes       drift      (blocked unless --force / --adopt)
 *   yes       —        yes       recreate   (deleted by hand; reported as drift)
 *   yes       = R      no        delete
 *   yes       ≠ R      no        release    (keep the hand edit, drop ownership)
 *   yes       —        no        forget     (already gone; drop the record)
 *   —         any      no        (not ours: never in the plan)
 */

/** What the sidecar remembers of an item: the hash last written and the desired hash it came from. */
export interface RecordedHashes {
  written: string;
  base: string;
}

export type Action =
  | "create"
  | "adopt"
  | "conflict"
  | "noop"
  | "update"
  | "drift"
  | "recreate"
  | "delete"
  | "release"
  | "forget";

/** How the user resolved blocked items for this run. */
export type Resolution = "none" | "force" | "adopt";

export interface Decision {
  action: Action;
  /** True when the item stops the apply (a conflict or drift the user has not resolved). */
  blocked: boolean;
  /** What apply does to the live value. */
  write: "desired" | "delete" | "nothing";
  /** What the sidecar records afterwards; `undefined` drops the record. */
  record?: RecordedHashes;
}

export function decide(recorded: RecordedHashes | undefined, live: string | undefined, desired: string | undefined, resolution: Resolution): Decision {
  if (recorded === undefined) {
    if (desired === undefined) throw new Error("bug: an item nobody records or desires was planned");
    if (live === undefined) return { action: "create", blocked: false, write: "desired", record: { written: desired, base: desired } };
    if (live === desired) return { action: "adopt", blocked: false, write: "nothing", record: { written: desired, base: desired } };
    return resolve("conflict", live, desired, resolution);
  }
  if (live === undefined) {
    if (desired === undefined) return { action: "forget", blocked: false, write: "nothing" };
    return { action: "recreate", blocked: false, write: "desired", record: { written: desired, base: desired } };
  }
  if (live !== recorded.written) {
    if (desired === undefined) return { action: "release", blocked: false, write: "nothing" };
    if (live === desired) return { action: "adopt", blocked: false, write: "nothing", record: { written: desired, base: desired } };
    return resolve("drift", live, desired, resolution);
  }
  // live equals what packs last wrote (or what the user's adopted value was).
  if (desired === undefined) return { action: "delete", blocked: false, write: "delete" };
  if (desired === recorded.base) return { action: "noop", blocked: false, write: "nothing", record: recorded };
  if (desired === live) return { action: "adopt", blocked: false, write: "nothing", record: { written: desired, base: desired } };
  const adopted = recorded.written !== recorded.base;
  if (adopted) return resolve("conflict", live, desired, resolution);
  return { action: "update", blocked: false, write: "desired", record: { written: desired, base: desired } };
}

function resolve(action: "conflict" | "drift", live: string, desired: string, resolution: Resolution): Decision {
  switch (resolution) {
    case "none":
      return { action, blocked: true, write: "nothing" };
    case "force":
      return { action, blocked: false, write: "desired", record: { written: desired, base: desired } };
    case "adopt":
      // Keep the user's value; the base remembers what the pack wanted, so the adoption lasts
      // until the pack changes this item again.
      return { action, blocked: false, write: "nothing", record: { written: live, base: desired } };
  }
}

/** True when the decision changes a file or the recorded state. */
export function isChange(d: Decision, before: RecordedHashes | undefined): boolean {
  if (d.write !== "nothing") return true;
  if (d.blocked) return true;
  return d.record?.written !== before?.written || d.record?.base !== before?.base;
}
