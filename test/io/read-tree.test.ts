/** readTree on a real temp directory, and the hashing it feeds. */
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contentHash, sha256Sri } from "../../src/io/hash.js";
import { readTree } from "../../src/io/read-tree.js";

let root: string;
const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x01]);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "packs-read-tree-"));
  const put = async (path: string, data: string | Uint8Array) => {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), data);
  };
  await put("PACK.yaml", "name: demo\n");
  await put("skills/a/SKILL.md", "---\nname: a\n---\n");
  await put("skills/a/deep/er/notes.md", "deep\n");
  await put("a-b.txt", "sorts before a/ by code unit\n");
  await put("logo.png", binary);
  await put("big.bin", new Uint8Array(2048));
  await put(".git/HEAD", "ref: refs/heads/main\n");
  await put("node_modules/x/index.js", "x\n");
  await put("skills/node_modules/y.js", "y\n");
  await symlink(join(root, "PACK.yaml"), join(root, "link.yaml"));
  await symlink(join(root, "skills"), join(root, "skills-link"));
  await symlink("/etc", join(root, "skills/a/escape"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("readTree", () => {
  test("lists regular files sorted, never follows symlinks, skips .git and node_modules, sets large files aside", async () => {
    const tree = await readTree(root, { maxFileBytes: 1024 });
    expect(tree.files.map((f) => f.path)).toEqual(["PACK.yaml", "a-b.txt", "logo.png", "skills/a/SKILL.md", "skills/a/deep/er/notes.md"]);
    expect(tree.symlinks).toEqual(["link.yaml", "skills-link", "skills/a/escape"]);
    expect(tree.tooLarge).toEqual(["big.bin"]);
    expect(tree.truncated).toBe(false);
    expect(new TextDecoder().decode(tree.files[0]!.bytes)).toBe("name: demo\n");
    expect([...tree.files.find((f) => f.path === "logo.png")!.bytes]).toEqual([...binary]);
  });

  test("the default size limit (5 MiB) reads a 2 KiB file", async () => {
    const tree = await readTree(root);
    expect(tree.tooLarge).toEqual([]);
    expect(tree.files.map((f) => f.path)).toContain("big.bin");
  });

  test("ignore skips files and whole directories", async () => {
    const seen: string[] = [];
    const tree = await readTree(root, { ignore: (p) => (seen.push(p), p === "skills" || p.endsWith(".png")) });
    expect(tree.files.map((f) => f.path)).toEqual(["PACK.yaml", "a-b.txt", "big.bin"]);
    expect(tree.symlinks).toEqual(["link.yaml", "skills-link"]);
    expect(seen).toContain("skills");
    expect(seen).not.toContain("skills/a");
  });

  test("maxFiles stops the walk and says so", async () => {
    const tree = await readTree(root, { maxFiles: 2 });
    expect(tree.files).toHaveLength(2);
    expect(tree.truncated).toBe(true);
  });

  test("maxTotalBytes stops the walk when the files together grow too large, and says so", async () => {
    const tree = await readTree(root, { maxTotalBytes: 100 });
    expect(tree.totalTooLarge).toBe(true);
    expect(tree.files.reduce((n, f) => n + f.bytes.byteLength, 0)).toBeLessThanOrEqual(100);
    expect((await readTree(root)).totalTooLarge).toBeUndefined();
  });

  test("a missing root throws (an I/O failure, for the caller to report)", async () => {
    await expect(readTree(join(root, "nope"))).rejects.toThrow(/ENOENT/);
  });
});

describe("hashing", () => {
  test("sha256Sri is the SRI form of sha256", () => {
    expect(sha256Sri("")).toBe("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    expect(sha256Sri(new TextEncoder().encode("abc"))).toBe(sha256Sri("abc"));
  });

  test.each([
    { name: "UTF-8 text", bytes: new TextEncoder().encode("héllo\n"), encoding: "utf8" },
    { name: "binary", bytes: binary, encoding: "base64" },
    { name: "a lone UTF-8 continuation byte", bytes: new Uint8Array([0x61, 0x80]), encoding: "base64" },
  ])("$name is $encoding", ({ bytes, encoding }) => {
    expect(contentHash(bytes).content.encoding).toBe(encoding);
  });

  test("text keeps its exact bytes but hashes canonically: CRLF and a BOM are not changes", () => {
    const lf = contentHash(new TextEncoder().encode("a\nb\n"));
    const crlfBom = contentHash(new TextEncoder().encode("\uFEFFa\r\nb\r\n"));
    expect(crlfBom.content).toEqual({ encoding: "utf8", text: "\uFEFFa\r\nb\r\n" });
    expect(crlfBom.hash).toBe(lf.hash);
    expect(lf.hash).toBe(sha256Sri("a\nb\n"));
  });

  test("binary content round-trips through base64 and hashes its raw bytes", () => {
    const { content, hash } = contentHash(binary);
    expect(content.encoding === "base64" && [...Buffer.from(content.data, "base64")]).toEqual([...binary]);
    expect(hash).toBe(sha256Sri(binary));
  });
});
