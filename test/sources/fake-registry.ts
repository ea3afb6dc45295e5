/**
 * A fake npm registry on 127.0.0.1: packuments and tarballs from memory, every request logged.
 * Tests change what it serves between resolves (a re-published tarball, a failing route).
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { PackEntry } from "../../src/config/project-config.js";
import { ProjectFs } from "../../src/io/project-fs.js";
import type { SourceContext } from "../../src/sources/source-context.js";
import { tgz } from "./tar-writer.js";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FakeRegistry {
  url: string;
  /** Request paths as received (raw, so `%2f` stays visible), in order. */
  log: string[];
  /** Path → handler; tests add or replace routes. */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export async function startRegistry(): Promise<FakeRegistry> {
  const log: string[] = [];
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    log.push(req.url ?? "");
    const route = routes.get(req.url ?? "");
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}');
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    routes,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export const sha512 = (b: Uint8Array) => `sha512-${createHash("sha512").update(b).digest("base64")}`;
export const sha1hex = (b: Uint8Array) => createHash("sha1").update(b).digest("hex");

/** A pack tarball whose PACK.yaml names `name` and `version`. */
export function packTarball(name: string, version: string, extra = ""): Uint8Array {
  return tgz([
    { name: "package/", type: "5" },
    { name: "package/package.json", data: JSON.stringify({ name, version }) },
    { name: "package/PACK.yaml", data: `name: ${name.replace(/^@.*\//, "")}\nversion: ${version}\n${extra}` },
  ]);
}

export interface PublishedVersion {
  version: string;
  bytes: Uint8Array;
  /** What the packument says; default: the sha512 of `bytes`. null leaves it out. */
  integrity?: string | null;
  shasum?: string;
}

/** Serve a package: its packument at `/<name with / as %2f>` and each tarball under `/tarballs/`. */
export function publish(reg: FakeRegistry, name: string, versions: PublishedVersion[], distTags: Record<string, string>): void {
  const doc = {
    name,
    "dist-tags": distTags,
    versions: Object.fromEntries(
      versions.map((v) => {
        const path = `/tarballs/${name.replace("/", "-")}-${v.version}.tgz`;
        reg.routes.set(path, (_, res) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(v.bytes));
        const integrity = v.integrity === undefined ? sha512(v.bytes) : v.integrity;
        const dist = { tarball: `${reg.url}${path}`, ...(integrity !== null && { integrity }), ...(v.shasum && { shasum: v.shasum }) };
        return [v.version, { name, version: v.version, dist }];
      }),
    ),
  };
  reg.routes.set(`/${name.replace("/", "%2f")}`, (req, res) => {
    res.writeHead(200, { "content-type": "application/vnd.npm.install-v1+json" }).end(JSON.stringify(doc));
  });
}

export function npmEntry(name: string, range?: string, key = "demo"): PackEntry {
  return {
    key,
    source: { kind: "npm", name, ...(range !== undefined && { range }) },
    sourceText: `npm:${name}${range === undefined ? "" : `@${range}`}`,
    groups: [],
    exclude: [],
    mcp: {},
    location: { file: "packs.yaml", line: 4, col: 3 },
  };
}

export function context(root: string, cacheDir: string, npmRegistry: string, over: Partial<SourceContext> = {}): SourceContext {
  return { fs: new ProjectFs(root), cacheDir, offline: false, npmRegistry, registryTtlMs: 0, now: 0, registries: {}, ...over };
}
