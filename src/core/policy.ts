/**
 * The project's source policy (packs.yaml `policy:`), as pure decisions: which sources may be
 * fetched, which tier claims are believed, and which launch commands float. The engine turns
 * the answers into diagnostics.
 */
import type { Tier } from "./pack-model.js";

/**
 * A glob over source texts: `*` matches within one path segment, `**` across segments, `?` one
 * character; everything else is literal. `github:acme/*` matches `github:acme/tools`.
 */
export function globMatches(glob: string, text: string): boolean {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`).test(text);
}

/** Is the source allowed? Without `allow_sources`, every source is. */
export function sourceAllowed(sourceText: string, allow: readonly string[] | undefined): boolean {
  return allow === undefined || allow.some((g) => globMatches(g, sourceText));
}

/**
 * The tier a pack is shown with. A claim of `verified` or `built-in` is believed only when the
 * project lists the pack (by key or by a source glob) under `trusted`; otherwise `community`.
 */
export function shownTier(key: string, sourceText: string, claimed: Tier, trusted: readonly string[]): Tier {
  if (claimed === "community" || claimed === "archived") return claimed;
  return trusted.some((t) => t === key || globMatches(t, sourceText)) ? claimed : "community";
}

/**
 * Why an MCP server's launch command gets whatever release is newest when it starts, or
 * undefined when it pins one: `npx pkg`, `uvx pkg`, `pipx run pkg`, `bunx pkg`, `pnpm dlx pkg`,
 * `docker run image` without a version, tag or digest (or with `@latest` / `:latest`).
 */
export function unversionedLaunch(command: readonly string[]): string | undefined {
  const [bin, ...rest] = command;
  const base = bin?.split("/").pop();
  const firstPositional = (args: readonly string[], valueFlags: readonly string[] = []) => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (valueFlags.includes(a)) i++;
      else if (!a.startsWith("-")) return a;
    }
    return undefined;
  };
  const npmLike = (spec: string | undefined, runner = base) => {
    if (!spec) return undefined;
    const at = spec.lastIndexOf("@");
    const version = at > 0 ? spec.slice(at + 1) : "";
    return version === "" || version === "latest" || version === "*" ? `${runner} ${spec}` : undefined;
  };
  switch (base) {
    case "npx":
    case "bunx":
      return npmLike(firstPositional(rest, ["-p", "--package", "-c", "--call"]));
    case "pnpm":
    case "yarn":
      return rest[0] === "dlx" ? npmLike(firstPositional(rest.slice(1)), `${base} dlx`) : undefined;
    case "uvx": {
      const from = rest.indexOf("--from");
      const spec = from >= 0 ? rest[from + 1] : firstPositional(rest, ["--with", "--python", "-p", "--index", "--index-url"]);
      return spec && !/(==|@)[\w.]/.test(spec) || spec?.endsWith("@latest") ? `uvx ${spec}` : undefined;
    }
    case "pipx":
      if (rest[0] !== "run") return undefined;
      {
        const spec = firstPositional(rest.slice(1), ["--spec"]);
        const pinned = rest.includes("--spec") ? /==/.test(rest[rest.indexOf("--spec") + 1] ?? "") : /==/.test(spec ?? "");
        return spec && !pinned ? `pipx run ${spec}` : undefined;
      }
    case "docker":
    case "podman": {
      if (rest[0] !== "run") return undefined;
      const image = firstPositional(rest.slice(1), ["-e", "--env", "-v", "--volume", "--name", "-p", "--publish", "--network", "--env-file", "-w", "--workdir", "--entrypoint", "-u", "--user"]);
      if (!image || image.includes("@sha256:")) return undefined;
      const tag = image.includes(":", image.lastIndexOf("/") + 1) ? image.slice(image.lastIndexOf(":") + 1) : "";
      return tag === "" || tag === "latest" ? `${base} run ${image}` : undefined;
    }
    default:
      return undefined;
  }
}
