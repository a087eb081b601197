/**
 * The part of a runtime stage that every interpreted language (a dependency environment plus the
 * application's files) plans the same way: the apt/apk packages the runtime installs, split from
 * the build's installs; the replayed user and directory setup; and what build steps left outside
 * the folders the runtime copies. The language supplies only what differs: the runtime image,
 * the application's dependencies, and libraries it chose itself.
 */
import { findInSources } from '../context/source-search';
import type { PackageManagerName } from '../profiles/profile-types';
import { builderSideEffects } from './builder-side-effects';
import { debianReleases, packageOnRelease } from './debian-release';
import type { Decision, PlanContext } from './plan-types';
import { runtimeCommands, userSetupRuns } from './runtime-stage';
import { BUILDER, fragment, type RuntimeStageModel, type StageNode } from './stage-model';
import { findPackageInstalls, splitPackages } from './system-packages';
import { toolUse } from './tool-use';

export interface PackageTarget {
  /** The profile's template that installs packages (the strategy declares it). */
  template: string;
  /** The runtime image as its FROM names it. */
  image: string;
  /** The runtime is a slimmer image than the builder (see RuntimeTarget). */
  slimmer: boolean;
  /** The application's declared dependencies, for the profile's `dependencyLibraries`. */
  dependencies: readonly string[];
  /** Libraries the language chose itself (bookworm names for apt), installed after the split's. */
  libraries?: { manager: PackageManagerName; names: readonly string[] };
}

export type RuntimeSetup =
  | { problem: string }
  | {
      /** The runtime's package install (when it needs one), then the replayed user and directory setup. */
      nodes: StageNode[];
      warnings: string[];
      decisions: Decision[];
    };

export function runtimeSetup(input: PlanContext, target: PackageTarget): RuntimeSetup {
  const { facts, profile } = input;
  const users = userSetupRuns(facts);
  const { installs, removed } = findPackageInstalls(facts.runs);
  const tools = toolUse(facts, input.context);
  const needed = [...runtimeCommands(facts), ...users.words, ...tools.scriptPrograms];
  const split = profile.packages
    ? splitPackages(
        installs,
        removed,
        profile.packages,
        needed,
        {
          image: target.image,
          slimmer: target.slimmer,
          dependencies: target.dependencies,
          findInCode: (pattern) => findInSources(input.context, pattern),
        },
        tools,
      )
    : null;
  if (split?.problem) return { problem: split.problem };
  const packages = split ? [...split.runtime] : [];
  const chosen = target.libraries;
  for (const library of chosen?.names ?? []) {
    const named =
      chosen?.manager === 'apt'
        ? packageOnRelease(
            library,
            debianReleases(target.image, profile.packages?.imageReleases ?? []),
            target.image,
            profile.packages ?? {},
          )
        : ({ ok: true, name: library } as const);
    if (!named.ok) return { problem: named.reason };
    if (!packages.includes(named.name)) packages.push(named.name);
  }
  const install =
    packages.length > 0
      ? [
          fragment(
            input.templates
              .render(target.template, {
                manager: split?.manager ?? chosen?.manager,
                packages,
              })
              .trim(),
          ),
        ]
      : [];
  return {
    nodes: [...install, ...users.runs],
    warnings: split?.warnings ?? [],
    decisions: [...users.decisions, ...(split?.decisions ?? [])],
  };
}

/**
 * Adds what build steps left outside the runtime's copies so far (a program downloaded into
 * /usr/local/bin, a directory created next to an install) to the runtime stage; its decisions.
 */
export function addBuilderSideEffects(input: PlanContext, runtime: RuntimeStageModel): Decision[] | string {
  const { facts } = input;
  const effects = builderSideEffects(facts, BUILDER, runtimeCommands(facts), runtime.copies);
  if (effects.problem) return effects.problem;
  runtime.copies.push(...effects.copies);
  // A replayed directory goes before the first replayed RUN that came after it (a chown of it).
  const runIndex = (node: StageNode) =>
    node.kind === 'original'
      ? facts.runs.find((r) => r.instruction.text === node.text)?.instruction.index
      : undefined;
  for (const { node, run } of effects.setup) {
    const later = runtime.setup.findIndex((n) => (runIndex(n) ?? -1) > run);
    runtime.setup.splice(later === -1 ? runtime.setup.length : later, 0, node);
  }
  return effects.decisions;
}
