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
  readonly text: string;
  readonly registry: string | null;
  /** Repository path without registry and tag (`python`, `library/python`, `bitnami/python`). */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

export interface RunFacts {
  readonly instruction: InstructionNode;
  readonly script: string;
  readonly commands: readonly ShellCommand[];
  /** USER in force when the RUN executes (null = the base image's, normally root). */
  readonly user: string | null;
  readonly workdir: string;
}

export interface CopyFacts {
  readonly instruction: InstructionNode;
  readonly spec: CopySpec;
  /** Destination as an absolute path (variables expanded where known). */
  readonly dest: string;
  readonly workdir: string;
}

export interface StageArg {
  readonly instruction: InstructionNode;
  readonly name: string;
  /** The default as written; null for `ARG NAME` without one. */
  readonly value: string | null;
}

/** Shared by every caller of analyzeStage (see there), hence readonly throughout. */
export interface StageFacts {
  readonly stage: Stage;
  readonly from: ImageRef;
  /** Final WORKDIR, absolute, variables expanded where known ('/' when none was set). */
  readonly workdir: string;
  /** The WORKDIR text to emit so that it means the same as the original. */
  readonly workdirText: string | null;
  readonly user: string | null;
  readonly userInstruction: InstructionNode | null;
  readonly envs: readonly InstructionNode[];
  /** ENV and ARG values known at the end of the stage (for expanding paths). */
  readonly values: ReadonlyMap<string, string>;
  readonly envNames: ReadonlySet<string>;
  readonly args: readonly StageArg[];
  readonly runs: readonly RunFacts[];
  readonly copies: readonly CopyFacts[];
  readonly shell: InstructionNode | null;
  readonly entrypoint: InstructionNode | null;
  readonly cmd: InstructionNode | null;
  readonly metadata: readonly InstructionNode[];
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
 * its size estimate ask for the same ones. Its callers share what it returns (readonly).
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
  let workdir = imageWorkdir ?? '/';
  // Emitted in the runtime stage: its image may have another WORKDIR.
  let workdirText = imageWorkdir ?? null;
  let user: string | null = null;
  let userInstruction: InstructionNode | null = null;
  let shell: InstructionNode | null = null;
  let entrypoint: InstructionNode | null = null;
  let cmd: InstructionNode | null = null;
  const envs: InstructionNode[] = [];
  const envNames = new Set<string>();
  const args: StageArg[] = [];
  const runs: RunFacts[] = [];
  const copies: CopyFacts[] = [];
  const metadata: InstructionNode[] = [];
  // Global ARG values are only visible in a stage when re-declared there.
  const stageValues = new Map<string, string>();

  for (const instruction of stage.instructions) {
    switch (instruction.keyword) {
      case 'ARG': {
        const property = (instruction.node as Arg).getProperty();
        if (!property) break;
        const name = property.getName();
        const value = property.getValue() ?? values.get(name) ?? null;
        args.push({ instruction, name, value: property.getValue() });
        if (value !== null) stageValues.set(name, expandVariables(value, stageValues));
        break;
      }
      case 'ENV': {
        envs.push(instruction);
        for (const property of (instruction.node as Env).getProperties()) {
          envNames.add(property.getName());
          stageValues.set(property.getName(), expandVariables(property.getValue() ?? '', stageValues));
        }
        break;
      }
      case 'WORKDIR': {
        const raw = instruction.args.trim();
        const expanded = expandVariables(raw, stageValues);
        workdir = path.resolve(workdir, expanded);
        workdirText = raw.startsWith('/') || raw.startsWith('$') ? raw : workdir;
        break;
      }
      case 'USER':
        user = instruction.args.trim();
        userInstruction = instruction;
        break;
      case 'RUN': {
        const script = runScript(instruction);
        runs.push({ instruction, script, commands: splitShellCommands(script), user, workdir });
        break;
      }
      case 'COPY':
      case 'ADD': {
        const spec = parseCopy(instruction);
        if (!spec) break;
        const dest = expandVariables(spec.dest, stageValues);
        copies.push({ instruction, spec, dest: resolveDest(workdir, dest), workdir });
        break;
      }
      case 'SHELL':
        shell = instruction;
        break;
      case 'ENTRYPOINT':
        // Docker resets only the base image's CMD: a CMD set earlier in this stage stays.
        entrypoint = instruction;
        break;
      case 'CMD':
        cmd = instruction;
        break;
      default:
        if (METADATA_KEYWORDS.has(instruction.keyword)) metadata.push(instruction);
    }
  }
  return {
    stage,
    from: imageRef(stage.image),
    workdir,
    workdirText,
    user,
    userInstruction,
    envs,
    values: stageValues,
    envNames,
    args,
    runs,
    copies,
    shell,
    entrypoint,
    cmd,
    metadata,
  };
}

function resolveDest(workdir: string, dest: string): string {
  const resolved = path.resolve(workdir, dest);
  // A trailing slash means "into this directory": keep it, copies need it.
  return dest.endsWith('/') && resolved !== '/' ? `${resolved}/` : resolved;
}
