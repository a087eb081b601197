/**
 * What one stage means: its base image, the WORKDIR/USER/ENV in force at each instruction,
 * its copies and RUN commands, and the instructions that describe the image at run time.
 * Language profiles plan from these facts instead of re-reading the AST.
 */
import type { Arg, Env } from 'dockerfile-ast';
import type { FromImage } from '../parse/from-image';
import type { InstructionNode, ParsedDockerfile, Stage } from '../parse/parse-dockerfile';
import { splitShellCommands, ShellCommand } from './shell-commands';
import { CopySpec, expandVariables, parseCopy, runScript } from './instruction-args';
import { posix as path } from 'path';

/** Instructions that describe the final image at run time and are re-emitted verbatim. */
const METADATA_KEYWORDS = new Set([
  'EXPOSE',
  'LABEL',
  'MAINTAINER',
  'VOLUME',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'ONBUILD',
]);

export interface ImageRef {
  /** The image text as written (`python:${V}-slim`). */
  text: string;
  registry: string | null;
  /** Repository path without registry and tag (`python`, `library/python`, `bitnami/python`). */
  name: string;
  tag: string | null;
  digest: string | null;
}

export interface RunFacts {
  instruction: InstructionNode;
  script: string;
  commands: ShellCommand[];
  /** USER in force when the RUN executes (null = the base image's, normally root). */
  user: string | null;
  workdir: string;
}

export interface CopyFacts {
  instruction: InstructionNode;
  spec: CopySpec;
  /** Destination as an absolute path (variables expanded where known). */
  dest: string;
  workdir: string;
}

export interface StageFacts {
  stage: Stage;
  from: ImageRef;
  /** Final WORKDIR, absolute, variables expanded where known ('/' when none was set). */
  workdir: string;
  /** The WORKDIR text to emit so that it means the same as the original. */
  workdirText: string | null;
  user: string | null;
  userInstruction: InstructionNode | null;
  envs: InstructionNode[];
  /** ENV and ARG values known at the end of the stage (for expanding paths). */
  values: Map<string, string>;
  envNames: Set<string>;
  args: { instruction: InstructionNode; name: string; value: string | null }[];
  runs: RunFacts[];
  copies: CopyFacts[];
  shell: InstructionNode | null;
  entrypoint: InstructionNode | null;
  cmd: InstructionNode | null;
  metadata: InstructionNode[];
}

export function imageRef(image: FromImage): ImageRef {
  const registry = image.registry;
  const fullName = image.name ?? '';
  return {
    text: image.image ?? '',
    registry,
    name: registry && fullName.startsWith(`${registry}/`) ? fullName.slice(registry.length + 1) : fullName,
    tag: image.tag,
    digest: image.digest,
  };
}

/**
 * The facts of a stage, read once per stage and base-image WORKDIR: the conversion, its lint and
 * its size estimate ask for the same ones. Callers must not mutate what it returns.
 * @param imageWorkdir the base image's own WORKDIR, when a profile knows it (`/home/gradle`).
 */
export function analyzeStage(dockerfile: ParsedDockerfile, stage: Stage, imageWorkdir?: string): StageFacts {
  let byWorkdir = analyzed.get(stage);
  if (!byWorkdir) analyzed.set(stage, (byWorkdir = new Map()));
  let facts = byWorkdir.get(imageWorkdir);
  if (!facts) byWorkdir.set(imageWorkdir, (facts = readStage(dockerfile, stage, imageWorkdir)));
  return facts;
}

const analyzed = new WeakMap<Stage, Map<string | undefined, StageFacts>>();

function readStage(dockerfile: ParsedDockerfile, stage: Stage, imageWorkdir?: string): StageFacts {
  const values = new Map<string, string>();
  for (const arg of dockerfile.globalArgs) {
    const property = (arg.node as Arg).getProperty();
    if (property?.getValue() != null) values.set(property.getName(), property.getValue() as string);
  }
  const facts: StageFacts = {
    stage,
    from: imageRef(stage.image),
    workdir: imageWorkdir ?? '/',
    // Emitted in the runtime stage: its image may have another WORKDIR.
    workdirText: imageWorkdir ?? null,
    user: null,
    userInstruction: null,
    envs: [],
    values: new Map(),
    envNames: new Set(),
    args: [],
    runs: [],
    copies: [],
    shell: null,
    entrypoint: null,
    cmd: null,
    metadata: [],
  };
  // Global ARG values are only visible in a stage when re-declared there.
  const stageValues = new Map<string, string>();

  for (const instruction of stage.instructions) {
    switch (instruction.keyword) {
      case 'ARG': {
        const property = (instruction.node as Arg).getProperty();
        if (!property) break;
        const name = property.getName();
        const value = property.getValue() ?? values.get(name) ?? null;
        facts.args.push({ instruction, name, value: property.getValue() });
        if (value !== null) stageValues.set(name, expandVariables(value, stageValues));
        break;
      }
      case 'ENV': {
        facts.envs.push(instruction);
        for (const property of (instruction.node as Env).getProperties()) {
          facts.envNames.add(property.getName());
          stageValues.set(property.getName(), expandVariables(property.getValue() ?? '', stageValues));
        }
        break;
      }
      case 'WORKDIR': {
        const raw = instruction.args.trim();
        const expanded = expandVariables(raw, stageValues);
        facts.workdir = path.resolve(facts.workdir, expanded);
        facts.workdirText = raw.startsWith('/') || raw.startsWith('$') ? raw : facts.workdir;
        break;
      }
      case 'USER':
        facts.user = instruction.args.trim();
        facts.userInstruction = instruction;
        break;
      case 'RUN': {
        const script = runScript(instruction);
        facts.runs.push({
          instruction,
          script,
          commands: splitShellCommands(script),
          user: facts.user,
          workdir: facts.workdir,
        });
        break;
      }
      case 'COPY':
      case 'ADD': {
        const spec = parseCopy(instruction);
        if (!spec) break;
        const dest = expandVariables(spec.dest, stageValues);
        facts.copies.push({
          instruction,
          spec,
          dest: resolveDest(facts.workdir, dest),
          workdir: facts.workdir,
        });
        break;
      }
      case 'SHELL':
        facts.shell = instruction;
        break;
      case 'ENTRYPOINT':
        // Docker resets only the base image's CMD: a CMD set earlier in this stage stays.
        facts.entrypoint = instruction;
        break;
      case 'CMD':
        facts.cmd = instruction;
        break;
      default:
        if (METADATA_KEYWORDS.has(instruction.keyword)) facts.metadata.push(instruction);
    }
  }
  facts.values = stageValues;
  return facts;
}

function resolveDest(workdir: string, dest: string): string {
  const resolved = path.resolve(workdir, dest);
  // A trailing slash means "into this directory": keep it, copies need it.
  return dest.endsWith('/') && resolved !== '/' ? `${resolved}/` : resolved;
}
