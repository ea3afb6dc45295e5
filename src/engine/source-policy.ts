/**
 * packs.yaml `policy:` applied to the packs: sources outside `allow_sources` are refused before
 * anything is fetched; tier claims the project does not trust are shown as community; floating
 * sources and unversioned MCP launch commands are flagged, or refused with `floating: deny`.
 */
import type { Policy, ProjectConfig } from "../config/project-config.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { shownTier, sourceAllowed, unversionedLaunch } from "../core/policy.js";
import type { ResolvedPack } from "../sources/resolve-source.js";

export function sourcePolicyDiagnostics(config: ProjectConfig): Diagnostic[] {
  const allow = config.policy.allowSources;
  return config.packs.filter((e) => !sourceAllowed(e.sourceText, allow)).map((e) => ({
    code: "policy/source-not-allowed",
    severity: "error" as const,
    summary: `pack "${e.key}": source ${e.sourceText} is not allowed by policy.allow_sources`,
    location: e.location,
    hint: `Allowed: ${allow!.join(", ") || "nothing"}. Use an allowed source, or add a glob that matches this one to policy.allow_sources after review.`,
  }));
}

export function applyTrust(p: ResolvedPack, policy: Policy): ResolvedPack {
  const tier = shownTier(p.entry.key, p.entry.sourceText, p.pack.tier, policy.trusted);
  if (tier === p.pack.tier) return p;
  return {
    ...p,
    pack: { ...p.pack, tier },
    claimedTier: p.pack.tier,
    notes: [...p.notes, `claims tier ${p.pack.tier}; shown as ${tier} because packs.yaml does not list it under policy.trusted`],
  };
}

export function floatingDiagnostics(p: ResolvedPack, policy: Policy): Diagnostic[] {
  if (policy.floating === "allow") return [];
  const severity = policy.floating === "deny" ? ("error" as const) : ("warning" as const);
  const out: Diagnostic[] = [];
  if (p.pin.floating && policy.floating === "deny") {
    out.push({
      code: "policy/floating-source",
      severity,
      summary: `pack "${p.entry.key}": ${p.entry.sourceText}${p.entry.ref ? ` (ref ${p.entry.ref})` : ""} can move without packs.yaml changing, and policy.floating is deny`,
      location: p.entry.location,
      hint: "Pin it: a tag or commit in ref:, or an exact npm version.",
    });
  }
  for (const server of p.pack.mcp) {
    const why = server.command && unversionedLaunch(server.command);
    if (!why) continue;
    out.push({
      code: "policy/unversioned-mcp",
      severity,
      summary: `pack "${p.entry.key}": MCP server "${server.name}" runs \`${why}\` without a version, so each start may run a different release`,
      location: p.entry.location,
      hint: `Ask the pack to pin the version (e.g. ${why.startsWith("uvx") || why.startsWith("pipx") ? "pkg==1.2.3" : "pkg@1.2.3"}), or set policy.floating: allow to accept it.`,
    });
  }
  return out;
}
