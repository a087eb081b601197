/**
 * MSB005: the runtime stage carries no package-manager caches: apt lists removed in the same
 * RUN, `apk add --no-cache` (hadolint DL3009/DL3019), and the language installers the loaded
 * profiles name (`installCaches`: pip's `--no-cache-dir`, DL3042). A cache mount
 * (`RUN --mount=type=cache`) keeps them out of the image too.
 */
import type { LintRule, RuleFinding } from '../lint-types';
import { analyzeStage, StageFacts } from '../../analyze/stage-facts';
import { hasWords, programName, ShellCommand } from '../../analyze/shell-commands';
import { nodeFlags } from '../../analyze/instruction-args';
import type { InstallCache, Profile } from '../../profiles/profile-types';

/** The system package managers, whatever the language. */
const SYSTEM_CACHES: readonly InstallCache[] = [
  {
    subject: 'apt-lists',
    installers: [{ program: '^(apt-get|apt)$' }],
    verb: 'install',
    cleared: { script: '/var/lib/apt/lists' },
    message:
      'apt-get install without "rm -rf /var/lib/apt/lists/*" in the same RUN leaves the package lists in the runtime image',
  },
  {
    subject: 'apk-cache',
    installers: [{ program: '^apk$' }],
    verb: 'add',
    cleared: { flags: ['--no-cache'], script: '/var/cache/apk' },
    message: 'apk add without --no-cache leaves the package index in the runtime image',
  },
];

interface CompiledCache {
  readonly source: InstallCache;
  readonly installers: readonly { readonly program: RegExp; readonly words: readonly string[] }[];
  readonly clearedBy: RegExp | null;
}

// Lint runs on every conversion: compile each profile set's patterns once.
const compiled = new WeakMap<readonly Profile[], readonly CompiledCache[]>();

function cachesOf(profiles: readonly Profile[]): readonly CompiledCache[] {
  let caches = compiled.get(profiles);
  if (!caches) {
    caches = [...SYSTEM_CACHES, ...profiles.flatMap((p) => p.installCaches ?? [])].map((source) => ({
      source,
      installers: source.installers.map((i) => ({ program: new RegExp(i.program), words: i.words ?? [] })),
      clearedBy: source.cleared.script === undefined ? null : new RegExp(source.cleared.script),
    }));
    compiled.set(profiles, caches);
  }
  return caches;
}

export const MSB005: LintRule = {
  id: 'MSB005',
  severity: 'warning',
  description: 'the runtime stage leaves no apt lists, apk cache or language installer cache (pip...) behind',
  check: ({ dockerfile, finalStage, profiles }) =>
    cachesLeftIn(analyzeStage(dockerfile, finalStage), profiles),
};

/**
 * The install caches a stage's RUN lines leave in its image, one finding per RUN and cache (also read
 * by src/estimate, for the same runtime stage: found once per stage's facts and profiles).
 */
export function cachesLeftIn(facts: StageFacts, profiles: readonly Profile[]): RuleFinding[] {
  let byProfiles = found.get(facts);
  if (!byProfiles) found.set(facts, (byProfiles = new WeakMap()));
  let findings = byProfiles.get(profiles);
  if (!findings) byProfiles.set(profiles, (findings = findCaches(facts, profiles)));
  return [...findings];
}

const found = new WeakMap<StageFacts, WeakMap<readonly Profile[], readonly Readonly<RuleFinding>[]>>();

function findCaches(facts: StageFacts, profiles: readonly Profile[]): RuleFinding[] {
  const caches = cachesOf(profiles);
  const findings: RuleFinding[] = [];
  for (const run of facts.runs) {
    if (/type=cache/.test(nodeFlags(run.instruction).get('mount') ?? '')) continue;
    const found = new Map<string, string>();
    for (const command of run.commands) {
      for (const cache of caches) {
        if (!found.has(cache.source.subject) && leavesCache(cache, command, run.script, facts.envNames))
          found.set(cache.source.subject, cache.source.message);
      }
    }
    for (const [subject, message] of found) findings.push({ instruction: run.instruction, subject, message });
  }
  return findings;
}

function leavesCache(
  cache: CompiledCache,
  command: ShellCommand,
  script: string,
  envNames: ReadonlySet<string>,
): boolean {
  const program = programName(command);
  const words = command.words;
  const runsInstaller = cache.installers.some((i) => i.program.test(program) && hasWords(words, ...i.words));
  if (!runsInstaller || !words.includes(cache.source.verb)) return false;
  const { flags = [], env = [] } = cache.source.cleared;
  if (flags.some((f) => words.includes(f)) || env.some((name) => envNames.has(name))) return false;
  return !cache.clearedBy?.test(script);
}
