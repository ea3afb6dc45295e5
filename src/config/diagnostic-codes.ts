/**
 * Every diagnostic code the packs.yaml loader can emit. Codes are stable, documented identifiers:
 * tools and docs match on them, so rename one only with a changelog entry.
 */
export const PACKS_YAML_CODE_PREFIX = "packs-yaml";

export const PACKS_YAML_CODES = {
  // From the YAML reader (yaml-source.ts).
  yamlSyntax: "packs-yaml/yaml-syntax",
  duplicateKey: "packs-yaml/duplicate-key",
  yamlAliases: "packs-yaml/yaml-aliases",
  // Document shape.
  emptyFile: "packs-yaml/empty-file",
  notAMap: "packs-yaml/not-a-map",
  // From the zod schema (schema-issue-diagnostics.ts over schema-diagnostics.ts).
  wrongType: "packs-yaml/wrong-type",
  invalidValue: "packs-yaml/invalid-value",
  unknownKey: "packs-yaml/unknown-key",
  missingKey: "packs-yaml/missing-key",
  badVersion: "packs-yaml/bad-version",
  // Semantic rules.
  badPackKey: "packs-yaml/bad-pack-key",
  badSource: "packs-yaml/bad-source",
  ignoredField: "packs-yaml/ignored-field",
  unsafePath: "packs-yaml/unsafe-path",
  badExclude: "packs-yaml/bad-exclude",
  duplicateAgent: "packs-yaml/duplicate-agent",
  emptyAgents: "packs-yaml/empty-agents",
  agentNotSelected: "packs-yaml/agent-not-selected",
  badEnvRef: "packs-yaml/bad-env-ref",
  badRegistryUrl: "packs-yaml/bad-registry-url",
  badIgnorePointer: "packs-yaml/bad-ignore-pointer",
  ignoreNotApplicable: "packs-yaml/ignore-not-applicable",
} as const;

export type PacksYamlCode = (typeof PACKS_YAML_CODES)[keyof typeof PACKS_YAML_CODES];
