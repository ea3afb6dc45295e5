/**
 * `.packs/tmp/lock`: one apply at a time per project. The file holds the holder's pid and host;
 * a lock whose process is gone (or that holds no readable holder) is taken over, so a killed
 * apply never wedges the project.
 *
 * - The lock appears with its content at once: written to a temp file, then hard-linked to its
 *   name (which fails if the name exists). A half-written lock is never seen, so an empty or
 *   garbled file is debris, never a holder still writing its pid.
 * - Taking over is serialised by a second file, `<lock>.takeover`, made the same way: inside
 *   it, the recoverer checks that the lock is still the very file (inode and bytes) it judged
 *   stale before deleting it. Without that, two recoverers of one stale lock could each delete
 *   it, the second deleting the lock the first had just made, and both would apply at once.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, mkdir, readFile, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
}

export type LockResult = { ok: true; release: () => Promise<void>; recovered?: LockHolder } | { ok: false; holder: LockHolder };

/** How often to look again while another process is taking over a stale lock. */
const TAKEOVER_TRIES = 40;
const TAKEOVER_WAIT_MS = 25;

/** Attempts when the lock's folder vanishes under us (another run removing it as it releases). */
const VANISHED_FOLDER_TRIES = 10;

export async function acquireLock(path: string): Promise<LockResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await acquireIn(path);
    } catch (e) {
      // A run that made .packs/tmp removes it when it releases; a run taking the lock at that
      // moment finds the folder gone mid-way (ENOENT) and starts again.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= VANISHED_FOLDER_TRIES) throw e;
    }
  }
}

async function acquireIn(path: string): Promise<LockResult> {
  // The first folder this call made, if any: release removes what it made once empty, so a run
  // that wrote nothing (a refused plan) leaves no trace.
  const made = await mkdir(dirname(path), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname() };
  let recovered: LockHolder | undefined;
  for (let attempt = 0; attempt < TAKEOVER_TRIES; attempt++) {
    const ino = await createWith(path, me);
    if (ino !== undefined) {
      const release = async () => {
        await removeIfSame(path, ino, holderText(me));
        if (made) await removeEmptyFolders(dirname(path), made);
      };
      return { ok: true, release, ...(recovered && { recovered }) };
    }
    const seen = await readLock(path);
    if (!seen) continue; // released in between: try again
    if (seen.holder && !isStale(seen.holder)) return { ok: false, holder: seen.holder };
    const guard = `${path}.takeover`;
    const guardIno = await createWith(guard, me);
    if (guardIno === undefined) {
      // Another process is taking over. If it died doing so, its guard is debris too.
      const other = await readLock(guard);
      if (other && (!other.holder || isStale(other.holder))) await removeIfSame(guard, other.ino, other.bytes);
      else await sleep(TAKEOVER_WAIT_MS);
      continue;
    }
    try {
      if (await removeIfSame(path, seen.ino, seen.bytes)) recovered = seen.holder ?? { pid: 0, host: "unknown" };
    } finally {
      await removeIfSame(guard, guardIno, holderText(me));
    }
  }
  const seen = await readLock(path);
  return { ok: false, holder: seen?.holder ?? { pid: 0, host: "unknown" } };
}

/** Remove `dir` and its parents up to `top` while they are empty (another run may be using them). */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    if (d === top || dirname(d) === d) return;
  }
}

/** Make `path` holding `holder` in one step; its inode, or undefined when the name is taken. */
async function createWith(path: string, holder: LockHolder): Promise<number | undefined> {
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, holderText(holder), { flag: "wx" });
  try {
    await link(tmp, path);
    return (await stat(path)).ino;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

interface SeenLock {
  ino: number;
  bytes: string;
  /** Undefined when the file holds no readable holder (garbage, or an older packs' torn write). */
  holder?: LockHolder;
}

async function readLock(path: string): Promise<SeenLock | undefined> {
  try {
    const ino = (await stat(path)).ino;
    const bytes = await readFile(path, "utf8");
    return { ino, bytes, ...(parseHolder(bytes) && { holder: parseHolder(bytes) }) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder> | null;
    return typeof v?.pid === "number" && Number.isInteger(v.pid) && v.pid > 0 ? { pid: v.pid, host: String(v.host ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

const holderText = (holder: LockHolder): string => JSON.stringify(holder) + "\n";

/** Delete `path` only if it is still the file seen: same inode (which can be reused) and bytes. */
async function removeIfSame(path: string, ino: number, bytes: string): Promise<boolean> {
  const now = await readLock(path);
  if (!now || now.ino !== ino || now.bytes !== bytes) return false;
  await unlink(path).catch(() => undefined);
  return true;
}

/** A holder on this machine whose process is gone. A lock from another host is always respected. */
function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
