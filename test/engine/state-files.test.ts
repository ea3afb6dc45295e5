import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Sidecar } from "../../src/core/sidecar.js";
import { ProjectFs } from "../../src/io/project-fs.js";
import { LOCKFILE_VERSION, type Lock } from "../../src/lockfile/lock-model.js";
import { LOCK_PATH, renderLock, renderSidecar, sidecarPath } from "../../src/lockfile/render-lock.js";
import { GITIGNORE_PATH, stateChanges } from "../../src/engine/state-files.js";
import { readTextHash } from "../../src/io/hash.js";

const lock: Lock = { lockfile_version: LOCKFILE_VERSION, packs: {}, items: [] };
const sidecar: Sidecar = { format_version: "1", pack: "p", created: [], items: {} };

/** A project whose state files hold `files` (path → bytes). */
function project(files: Record<string, string | Buffer>): ProjectFs {
  const root = mkdtempSync(join(tmpdir(), "packs-state-files-"));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return new ProjectFs(root);
}

const paths = (cs: { path: string }[]) => cs.map((c) => c.path);

describe("stateChanges", () => {
  const upToDate = { [LOCK_PATH]: renderLock(lock), [sidecarPath("p")]: renderSidecar(sidecar), [GITIGNORE_PATH]: "# packs: temporary files (journal, lock) stay out of git.\ntmp/\n" };

  it("reports nothing when every state file on disk is what it renders", async () => {
    expect(await stateChanges(project(upToDate), lock, new Map([["p", sidecar]]), [sidecar])).toEqual([]);
  });

  it("takes a known text hash that matches as unchanged, without reading the file", async () => {
    // The disk says otherwise; the known text (read earlier in the same run) decides.
    const fs = project({ ...upToDate, [LOCK_PATH]: "changed on disk since\n" });
    expect(await stateChanges(fs, lock, new Map([["p", sidecar]]), [sidecar], new Map([[LOCK_PATH, readTextHash(renderLock(lock))]]))).toEqual([]);
  });

  it("reads the file when its known text hash differs from what it renders", async () => {
    const fs = project({ ...upToDate, [LOCK_PATH]: "old lock\n" });
    const changes = await stateChanges(fs, lock, new Map([["p", sidecar]]), [sidecar], new Map([[LOCK_PATH, readTextHash("old lock\n")]]));
    expect(paths(changes)).toEqual([LOCK_PATH]);
    expect(changes[0]!.before).toMatch(/^sha256-/);
  });

  it("has no known hash for a text holding U+FFFD (the bytes may not have been UTF-8), so reads the file", async () => {
    const rendered = renderSidecar({ ...sidecar, items: { x: { address: { kind: "file", path: "a\uFFFD" }, agent: "claude-code", written: "w", base: "b" } } });
    const withReplacement = { ...sidecar, items: { x: { address: { kind: "file" as const, path: "a\uFFFD" }, agent: "claude-code" as const, written: "w", base: "b" } } };
    // On disk: the same JSON but with a byte that is not UTF-8 where the pack's U+FFFD is.
    const bytes = Buffer.from(rendered.replace("a\uFFFD", "a\u0001"), "utf8");
    bytes[bytes.indexOf(1)] = 0xff;
    const fs = project({ ...upToDate, [sidecarPath("p")]: bytes });
    const changes = await stateChanges(fs, lock, new Map([["p", withReplacement]]), [withReplacement], new Map([[sidecarPath("p"), readTextHash(bytes.toString("utf8"))]]));
    expect(paths(changes)).toEqual([sidecarPath("p")]);
  });

  it("removes the sidecar of a pack that is gone, known text or not", async () => {
    const fs = project(upToDate);
    const changes = await stateChanges(fs, lock, new Map(), [sidecar], new Map([[sidecarPath("p"), readTextHash(renderSidecar(sidecar))]]));
    expect(changes).toEqual([{ path: sidecarPath("p"), before: expect.stringMatching(/^sha256-/), after: null }]);
  });
});
