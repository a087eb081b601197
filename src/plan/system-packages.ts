/**
 * Splits the system packages (apt/apk) the original installed into build-only ones
 * (compilers, headers) that stay in the builder and the ones the runtime stage installs:
 * runtime libraries for known `-dev` packages, tools the app runs, and, when unsure, the
 * package itself with a warning. When the runtime is a slimmer image than the builder, it adds
 * what the full image had and the app needs: the tools its command runs and the libraries its
 * dependencies load. Library names msb chooses are named for the runtime's Debian release.
 */
import { globMatcher } from '../util/glob-matcher';
import type { RunFacts } from '../analyze/stage-facts';
import { hasOption, optionValue, parseArgv, ParsedArgv } from '../analyze/argv';
import { SYSTEM_TOOL_OPTIONS } from '../analyze/programs';
import { programName } from '../analyze/shell-commands';
import type { PackageManagerName, PackageRules } from '../profiles/profile-types';
import { debianReleases, packageOnRelease } from './debian-release';
import type { Decision } from './plan-types';
import { compiledRegExp } from '../util/compiled-regexp';

export interface PackageInstall {
  manager: PackageManagerName;
  packages: string[];
  /** Package files named by path (`./chrome.deb`, `dpkg -i x.deb`): only the builder has them. */
  files: string[];
  run: RunFacts;
  /** Installed after a third-party repository was added (nodesource, PPAs...). */
  thirdParty: boolean;
}

export interface PackageSplit {
  manager: PackageManagerName | null;
  runtime: string[];
  buildOnly: string[];
  warnings: string[];
  decisions: Decision[];
  /** Set when the runtime's packages cannot be named: the conversion is skipped with this reason. */
  problem?: string;
}

/** The runtime image the packages go to. */
export interface RuntimeTarget {
  /** The runtime image as its FROM names it. */
  image: string;
  /** The runtime is a slimmer image than the builder: what only the full image had is missing. */
  slimmer: boolean;
  /** The application's declared dependencies (pip / npm names), for `dependencyLibraries`. */
  dependencies: readonly string[];
  /** The first application source file matching a pattern, or null (for `usedWhen`). */
  findInCode: (pattern: RegExp) => string | null;
}

const REPOSITORY_SETUP =
  /(\badd-apt-repository\b|\bapt-key\b|sources\.list|\/etc\/apt\/sources|\/keyrings\/|\| *(sudo +)?(-E +)?(bash|sh)\b)/;

export function findPackageInstalls(runs: readonly RunFacts[]): {
  installs: PackageInstall[];
  removed: Set<string>;
} {
  const installs: PackageInstall[] = [];
  const removed = new Set<string>();
  // apk --virtual NAME groups packages so that `apk del NAME` removes them all.
  const virtualGroups = new Map<string, string[]>();
  let thirdParty = false;
  for (const run of runs) {
    if (REPOSITORY_SETUP.test(run.script)) thirdParty = true;
    for (const command of run.commands) {
      const program = programName(command);
      if (program === 'apt-get' || program === 'apt' || program === 'aptitude') {
        const { verb, packages, files } = packageArgs(
          parseArgv(command.words.slice(1), SYSTEM_TOOL_OPTIONS.apt),
        );
        if (verb === 'install') installs.push({ manager: 'apt', packages, files, run, thirdParty });
        if (verb === 'purge' || verb === 'remove') packages.forEach((p) => removed.add(p));
      } else if (program === 'dpkg') {
        const files = dpkgInstallFiles(command.words.slice(1));
        if (files.length > 0) installs.push({ manager: 'apt', packages: [], files, run, thirdParty });
      } else if (program === 'apk') {
        const parsed = parseArgv(command.words.slice(1), SYSTEM_TOOL_OPTIONS.apk);
        const { verb, packages, files } = packageArgs(parsed);
        if (verb === 'add') {
          installs.push({ manager: 'apk', packages, files, run, thirdParty });
          const virtual = optionValue(parsed, '--virtual');
          if (virtual) virtualGroups.set(virtual, packages);
        }
        if (verb === 'del') {
          for (const name of packages) {
            removed.add(name);
            virtualGroups.get(name)?.forEach((p) => removed.add(p));
          }
        }
      }
    }
  }
  return { installs, removed };
}

/** A package manager operand that names a file, not a package: `./x.deb`, `/tmp/x.apk`. */
const PACKAGE_FILE = /^\.{0,2}\/|\.(deb|apk|rpm)$/;

/** The verb (`install`, `add`...), the package names after it (versions dropped) and the package files. */
function packageArgs(parsed: ParsedArgv): { verb: string | undefined; packages: string[]; files: string[] } {
  const [verb, ...names] = parsed.operands;
  const words = names.filter((w) => w !== '');
  return {
    verb,
    packages: words
      .filter((w) => !w.includes('$') && !PACKAGE_FILE.test(w))
      .map((w) => w.replace(/[=<>].*$/, '')),
    files: words.filter((w) => PACKAGE_FILE.test(w)),
  };
}

/** The files `dpkg -i` / `dpkg --install` installs (every operand: dpkg installs only files). */
function dpkgInstallFiles(args: readonly string[]): string[] {
  const parsed = parseArgv(args, SYSTEM_TOOL_OPTIONS.dpkg);
  return hasOption(parsed, '-i') ? [...parsed.operands, ...parsed.afterDashDash] : [];
}

/**
 * What the build steps run, for tools (`rules.tools`) that only the build needs: program → the
 * line of its first use. `runtimeUnknown`: the container runs something msb cannot read (a script
 * not in the context), so every tool is kept.
 */
export interface ToolUse {
  buildPrograms: ReadonlyMap<string, number>;
  runtimeUnknown: boolean;
}

export function splitPackages(
  installs: readonly PackageInstall[],
  removed: ReadonlySet<string>,
  rules: PackageRules,
  neededCommands: readonly string[],
  target: RuntimeTarget,
  toolUse?: ToolUse,
): PackageSplit {
  const split: PackageSplit = {
    manager: installs[0]?.manager ?? null,
    runtime: [],
    buildOnly: [],
    warnings: [],
    decisions: [],
  };
  const isBuildOnly = globMatcher(rules.buildOnly);
  const isRuntime = globMatcher(rules.runtime);
  const addRuntime = (name: string) => {
    if (!split.runtime.includes(name)) split.runtime.push(name);
  };
  // Names msb chose (bookworm names in the data), as opposed to the ones the user wrote.
  const chosen = new Set<string>();
  const addChosen = (name: string) => {
    chosen.add(name);
    addRuntime(name);
  };
  for (const install of installs) {
    const manager = install.manager;
    split.manager ??= manager;
    const line = install.run.instruction.line + 1;
    // The runtime cannot install a file only the builder has, and msb cannot tell what it provides.
    if (install.files.length > 0)
      split.problem ??= `RUN (line ${line}) installs the package file ${install.files.join(', ')}, which only the builder has: the runtime stage cannot install it, and msb cannot tell whether the app needs what it provides`;
    for (const name of install.packages) {
      const subject = `${name} (line ${line})`;
      const mapped = rules.runtimeLibraries[name]?.[manager];
      const usage = rules.usedWhen?.[name];
      const buildUse = toolUse && buildOnlyUse(rules.tools?.[name] ?? [], neededCommands, toolUse);
      if (removed.has(name)) {
        split.buildOnly.push(name);
        split.decisions.push({ subject, placement: 'builder', why: 'the original build removes it again' });
      } else if (usage) {
        // A container script msb cannot read may run it: kept, as every tool is then.
        const ran = toolUse?.runtimeUnknown
          ? 'a script msb cannot read'
          : usage.programs.find((p) => neededCommands.includes(p));
        const file = ran ? null : target.findInCode(compiledRegExp(usage.code, 'm'));
        if (ran || file) addRuntime(name);
        else split.buildOnly.push(name);
        split.decisions.push({
          subject,
          placement: ran || file ? 'both' : 'builder',
          why: ran
            ? `the container runs ${ran}`
            : file
              ? `the application runs it at run time (${file})`
              : `needed only to build: neither the container command nor the application's code runs ${usage.programs.join(', ')}`,
        });
      } else if (mapped) {
        split.buildOnly.push(name);
        mapped.forEach(addChosen);
        split.decisions.push({
          subject,
          placement: 'builder',
          why: `build headers; the runtime installs ${mapped.join(', ')} instead`,
        });
      } else if (buildUse) {
        split.buildOnly.push(name);
        split.decisions.push({
          subject,
          placement: 'builder',
          why: `only build steps run ${buildUse}; the container command and HEALTHCHECK do not`,
        });
      } else if (install.thirdParty) {
        split.buildOnly.push(name);
        split.warnings.push(
          `${name} comes from a repository the build adds; it stays in the builder. Install it in the runtime stage if the app runs it.`,
        );
        split.decisions.push({
          subject,
          placement: 'builder',
          why: 'installed from a third-party repository set up during the build',
        });
      } else if (isBuildOnly(name)) {
        split.buildOnly.push(name);
        split.decisions.push({ subject, placement: 'builder', why: 'needed only to build' });
      } else if (/-(dev|devel)$/.test(name)) {
        addRuntime(name);
        split.warnings.push(
          `no runtime library is known for ${name}; it is kept in the runtime image. Replace it with its runtime package to save space.`,
        );
        split.decisions.push({
          subject,
          placement: 'both',
          why: 'header package without a known runtime library: kept to be safe',
        });
      } else if (isRuntime(name)) {
        addRuntime(name);
        split.decisions.push({ subject, placement: 'both', why: 'used by the application at run time' });
      } else {
        addRuntime(name);
        split.warnings.push(
          `kept ${name} in the runtime image: msb cannot tell whether the app needs it at run time.`,
        );
        split.decisions.push({ subject, placement: 'both', why: 'unknown package: kept to be safe' });
      }
    }
  }
  const manager = split.manager ?? 'apt';
  for (const command of target.slimmer ? neededCommands : []) {
    const provider = rules.fullImageTools?.[command]?.[manager];
    if (provider && !split.runtime.includes(provider)) {
      addChosen(provider);
      split.manager = manager;
      split.decisions.push({
        subject: command,
        placement: 'added',
        why: `the container runs ${command}, which the full base image had and the runtime image lacks`,
      });
    }
  }
  for (const dependency of target.slimmer ? target.dependencies : []) {
    const libraries = rules.dependencyLibraries?.[dependency];
    const wanted = libraries?.[manager]?.filter((name) => !split.runtime.includes(name)) ?? [];
    if (!libraries || wanted.length === 0) continue;
    wanted.forEach(addChosen);
    split.manager = manager;
    split.decisions.push({
      subject: `${dependency} (a dependency of the app)`,
      placement: 'added',
      why: `${libraries.note}: the full base image had it, the slim runtime image lacks it, so the runtime installs ${wanted.join(', ')}`,
    });
  }
  if (manager === 'apt') nameForRelease(split, chosen, rules, target.image);
  return split;
}

/** "curl (line 4)" when build steps run one of the package's programs and the runtime runs none. */
function buildOnlyUse(programs: readonly string[], needed: readonly string[], use: ToolUse): string | null {
  if (use.runtimeUnknown || programs.length === 0 || programs.some((p) => needed.includes(p))) return null;
  const used = programs.find((p) => use.buildPrograms.has(p));
  return used ? `${used} (line ${use.buildPrograms.get(used)})` : null;
}

/** Renames the libraries msb chose for the runtime's Debian release, or sets the split's problem. */
function nameForRelease(
  split: PackageSplit,
  chosen: ReadonlySet<string>,
  rules: PackageRules,
  image: string,
): void {
  const releases = debianReleases(image, rules.imageReleases ?? []);
  split.runtime = split.runtime.map((name) => {
    if (!chosen.has(name)) return name;
    const named = packageOnRelease(name, releases, image, rules);
    if (!named.ok) {
      split.problem ??= named.reason;
      return name;
    }
    if (named.renamed)
      split.decisions.push({
        subject: name,
        placement: 'added',
        why: `named ${named.name} on ${named.renamed}, the release of ${image}`,
      });
    return named.name;
  });
}
