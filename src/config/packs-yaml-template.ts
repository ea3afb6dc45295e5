/**
 * The packs.yaml `packs init` writes: commented so that a newcomer can fill it in without the
 * docs. Pure text; nothing here reads the project.
 */
import { AGENT_IDS, type AgentId } from "../core/agent-id.js";

/** Comment lines are wrapped at this width. */
const COMMENT_WIDTH = 100;

/**
 * The packs.yaml `packs init` writes: version, the agents with a comment saying where they come
 * from, an empty `packs: {}` below commented examples of each source form, and a commented
 * `policy:`. `agentsWhy` is one sentence (wrapped into comment lines here).
 */
export function initialPacksYaml(agents: readonly AgentId[], agentsWhy: string): string {
  const lines = [
    ...comment("packs.yaml: the packs this project's coding agents get. `packs plan` shows what would change; `packs apply` makes the change. Check this file in, with packs.lock.yaml."),
    "version: 1",
    "",
    ...comment(`The agents to set up. ${agentsWhy} Ids: ${AGENT_IDS.join(", ")}. Without this line, packs detects them from the project's files on every run.`),
    `agents: [${agents.join(", ")}]`,
    "",
    ...comment("The packs, in order. `packs add SOURCE` adds one and `packs remove NAME` removes one, keeping the rest of this file as it is. Each key is the pack's name in this project; source: says where it comes from:"),
    "#",
    "#   team-basics:                      # a folder, relative to this file",
    "#     source: ./packs/team-basics",
    "#   data-tools:                       # a GitHub repository, at a tag, in a folder of it",
    "#     source: github:acme/agent-packs",
    "#     ref: v1.4.0",
    "#     path: packs/data-tools",
    "#   dbt-cloud:                        # a name in a registry index listed under registries:",
    "#     source: registry:dbt-cloud@^1",
    "#   review:                           # an npm package, in a version range",
    "#     source: npm:@acme/review-pack@^2",
    "packs: {}",
    "",
    "# registries:                         # indexes for registry: sources, tried in this order",
    "#   acme: https://packs.acme.example/index.json",
    "",
    ...comment("Which sources this project accepts, and which tier claims it believes (docs/sources.md):"),
    "# policy:",
    '#   allow_sources: ["./packs/*", "github:acme/*", "npm:@acme/*"]',
    '#   trusted: ["github:acme/*"]',
    "#   floating: deny                    # refuse branches and npm ranges: pin tags and versions",
  ];
  return lines.join("\n") + "\n";
}

/** A sentence as `# ` comment lines of at most COMMENT_WIDTH characters. */
function comment(sentence: string): string[] {
  const lines: string[] = [];
  let line = "#";
  for (const word of sentence.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "#" && line.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(line);
      line = "#";
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}
