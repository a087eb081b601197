/**
 * Plans the Ruby conversion: the builder keeps the original build (bundle install with the full
 * image's compilers and headers, assets:precompile, bootsnap precompile); the runtime stage — the
 * slim image of the same Ruby on the same Debian release — copies the bundle (GEM_HOME, or
 * BUNDLE_PATH when set), the Bundler config the build wrote, and the application folder with what
 * the build produced in it (public/assets, tmp/cache/bootsnap), and installs the runtime
 * libraries the native gems load.
 */
import { planInterpreted, type ClassifiedRun, type DependencyEnvironment } from '../../plan/interpreted-plan';
import { besideRun } from '../../plan/interpreted-stage';
import type { BuilderInsertion, Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { BundleConfig, readBundleConfig } from './bundle-config';
import { lockedGemNames } from './gemfile-lock';
import { systemLinkedGems } from './native-gems';
import type { RubyProject } from './ruby-analysis';
import { classifyRubyCommand, gemInstallNames, RubyCommand } from './ruby-commands';
import { excludedGroupProgram } from './excluded-groups';
import type { RubySettings } from './ruby-settings';

const installs = (c: RubyCommand) => c.kind === 'bundle-install' || c.kind === 'gem-install';

export function planRuby(input: PlanInput<RubySettings>, project: RubyProject): StrategyPlan {
  const { facts, settings } = input;
  const bundle = readBundleConfig(facts, settings);
  return planInterpreted(input, {
    data: settings.interpreted,
    packagesTemplate: input.profile.templates.systemPackages,
    classify: (c) => classifyRubyCommand(c, settings),
    installsAtStart: installs,
    installs,
    environment: (classified) => {
      if (bundle.unknown) return { problem: bundle.unknown };
      const gitGems = project.lock?.gems.filter((g) => g.source === 'git').map((g) => g.name) ?? [];
      const overridden = bundle.localOverrides.filter((g) => !project.lock || gitGems.includes(g));
      if (overridden.length > 0)
        return {
          problem: `the gem ${overridden[0]} is checked out from a local override (bundle config local.${overridden[0]}), a folder of the build that msb cannot tell apart from the bundle; remove the override to convert`,
        };
      const excluded = excludedGroupProgram(input, project.groups, bundle.without, settings.executables);
      if (excluded) return { problem: excluded };
      const installing = classified.filter((c) => c.commands.some(installs));
      const strip = stripGemCache(input, installing, bundle);
      const decisions: Decision[] = [];
      const warnings = developmentGroups(project, bundle, installing.length > 0, decisions);
      return { folders: bundleFolders(bundle), insertions: strip ? [strip] : [], decisions, warnings };
    },
    dependencies: (image, classified) => {
      const bundleInstall = classified.find((c) => c.commands.some((k) => k.kind === 'bundle-install'));
      if (image !== facts.from.text && bundleInstall && !project.lock && project.groups.size === 0)
        return {
          problem: `line ${bundleInstall.run.instruction.line + 1} runs bundle install, but the build context has no Gemfile.lock or Gemfile msb can read: it cannot tell which native gems load libraries that ${facts.from.text} has and ${image} lacks (libpq, the MariaDB client, SQLite...)`,
        };
      const gems = project.lock
        ? systemLinkedGems(project.lock, settings, bundle.buildFlags, facts.values)
        : project.groups.keys();
      const installed = facts.runs.flatMap((r) =>
        r.commands.flatMap((c) => gemInstallNames(c, settings.gemInstallOptions)),
      );
      return { names: [...gems, ...installed] };
    },
  });
}

/** GEM_HOME, BUNDLE_PATH and the config folders the build wrote. */
function bundleFolders(bundle: BundleConfig): DependencyEnvironment['folders'] {
  return [
    {
      path: bundle.gemHome,
      holds: 'GEM_HOME: the gems bundle install and gem install put there, native extensions included',
    },
    ...(bundle.gemPath === bundle.gemHome
      ? []
      : [{ path: bundle.gemPath, holds: "the bundle (Bundler's path setting)" }]),
    ...bundle.configDirs.map((path) => ({
      path,
      holds: 'the Bundler config the build wrote (path, without...), which bundle exec reads at run time',
    })),
  ];
}

/** After the last install: Bundler's .gem downloads and git checkouts' history are build leftovers. */
function stripGemCache(
  input: PlanInput<RubySettings>,
  installs: readonly ClassifiedRun<RubyCommand>[],
  bundle: BundleConfig,
): BuilderInsertion | null {
  const last = installs[installs.length - 1];
  if (!last || input.dockerfile.escapeChar !== '\\') return null;
  const cleaned = input.facts.runs.some(
    (r) =>
      r.instruction.index > last.run.instruction.index - 1 &&
      /\brm\b[^\n]*\bcache\b|\bgem cleanup\b/.test(r.script),
  );
  const paths = [`${bundle.gemHome}/cache`, `${bundle.gemHome}/bundler/gems/*/.git`];
  if (bundle.pathSet)
    paths.push(`${bundle.gemPath}/ruby/*/cache`, `${bundle.gemPath}/ruby/*/bundler/gems/*/.git`);
  if (cleaned || paths.some((p) => /\s/.test(p))) return null;
  const reason = `removes Bundler's downloaded .gem files and git history after line ${last.run.instruction.line + 1}: the runtime copies the bundle without them`;
  const template = input.profile.templates.stripGemCache;
  return besideRun(input.facts, 'after', last.run, template, { paths: paths.join(' ') }, reason);
}

/** Gems only in development/test groups that the original installs: kept, and said so. */
function developmentGroups(
  project: RubyProject,
  bundle: BundleConfig,
  installs: boolean,
  decisions: Decision[],
): string[] {
  if (!installs) return [];
  const locked = new Set(project.lock ? lockedGemNames(project.lock) : project.groups.keys());
  const devOnly = [...project.groups]
    .filter(([gem, groups]) => locked.has(gem) && groups.every((g) => g === 'development' || g === 'test'))
    .filter(([, groups]) => groups.some((g) => !bundle.without.includes(g)))
    .map(([gem]) => gem);
  if (devOnly.length === 0) return [];
  const groups = ['development', 'test'].filter(
    (g) => !bundle.without.includes(g) && devOnly.some((gem) => project.groups.get(gem)?.includes(g)),
  );
  decisions.push({
    subject: `${groups.join(' and ')} gems`,
    placement: 'runtime',
    why: `the original installs them (${devOnly.join(', ')}) and msb never drops a gem the original installs`,
  });
  return [
    `the bundle includes the ${groups.join(' and ')} group${groups.length > 1 ? 's' : ''} (${devOnly.slice(0, 4).join(', ')}${devOnly.length > 4 ? ', ...' : ''}) as the original installs them; set BUNDLE_WITHOUT="${groups.join(':')}" before bundle install to leave them out of the runtime image`,
  ];
}
