/**
 * The one way packs writes a file: a temp file in the same folder, fsync, rename over the
 * target, fsync the folder. A kill at any moment leaves either the old or the new bytes.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * `mode`: the new file's permissions; by default an existing file keeps its own (a private
 * config stays private) and a new one gets 0644.
 */
export async function atomicWrite(path: string, bytes: Uint8Array, mode?: number): Promise<void> {
  const dir = dirname(path);
  mode ??= await existingMode(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.packs-${randomBytes(6).toString("hex")}.tmp`); // see isAtomicTemp
  const fh = await open(tmp, "wx", mode);
  try {
    await fh.writeFile(bytes);
    await fh.chmod(mode); // open's mode is filtered by the umask; the pack's mode is not
    await fh.sync();
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dir);
}

/**
 * True for the name of a temp file atomicWrite makes. A kill between its open and its rename
 * leaves one behind; nothing else names files this way, so apply sweeps them and listings skip them.
 */
export function isAtomicTemp(name: string): boolean {
  return /^\..+\.packs-[0-9a-f]{12}\.tmp$/.test(name);
}

async function existingMode(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return 0o644;
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, "r");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic there.
  }
}
