/**
 * `.packs/tmp/lock`: one apply at a time per project. The file holds the holder's pid; a lock
 * whose process is gone is taken over (a killed apply must not wedge the project).
 */
import { hostname } from "node:os";
import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { dirname } from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
}

export type LockResult = { ok: true; release: () => Promise<void>; recovered?: LockHolder } | { ok: false; holder: LockHolder };

export async function acquireLock(path: string): Promise<LockResult> {
  await mkdir(dirname(path), { recursive: true });
  let recovered: LockHolder | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, "wx");
      await fh.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }) + "\n");
      await fh.close();
      return { ok: true, release: () => unlink(path).catch(() => undefined), ...(recovered && { recovered }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = await readHolder(path);
    if (holder && holder.host === hostname() && isAlive(holder.pid)) return { ok: false, holder };
    if (holder && holder.host !== hostname()) return { ok: false, holder };
    recovered = holder ?? { pid: 0, host: "unknown" };
    await unlink(path).catch(() => undefined);
  }
  const holder = (await readHolder(path)) ?? { pid: 0, host: "unknown" };
  return { ok: false, holder };
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const v = JSON.parse(await readFile(path, "utf8")) as Partial<LockHolder>;
    return typeof v.pid === "number" ? { pid: v.pid, host: String(v.host ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
