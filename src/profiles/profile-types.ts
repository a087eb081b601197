/** The shape of a language profile (`language-profiles/<id>.yaml`), after validation. */
import type { DEBIAN_RELEASES } from './profile-schema';

export interface WeightedRule {
  /** A regular expression (commands, base images) or a glob (files). */
  pattern: string;
  weight: number;
  /** What the match says, shown as evidence; defaults to the pattern. */
  evidence?: string;
}

export interface TagRule {
  /** Regular expression on the tag; named groups can be used in `to`/`image` as {{name}}. */
  match: string;
  /** Keep the image as it is (already a runtime variant). */
  keep?: boolean;
  /** New tag, same repository and registry. */
  to?: string;
  /** A different image altogether. */
  image?: string;
  note?: string;
  /** Programs that, when the container command or HEALTHCHECK runs one, pass this rule over (node in a Python image). */
  unlessRuns?: string[];
}

export interface ImageRule {
  /** Regular expression on the repository name without registry (`python`, `library/python`). */
  name: string;
  /** Used when no tag rule matches (and for untagged images: tag `latest`). */
  tags?: TagRule[];
  /** A fixed runtime image for every tag. */
  image?: string;
  note?: string;
  /** The builder image's own WORKDIR (`/home/gradle`): relative paths resolve there when the Dockerfile sets none. */
  workdir?: string;
}

export interface PackageRules {
  /** Globs of system packages needed only to build (compilers, headers). */
  buildOnly: string[];
  /** `-dev` package → the runtime library that provides its shared objects, per package manager. */
  runtimeLibraries: Record<string, Partial<Record<PackageManagerName, string[]>>>;
  /** Globs of packages the application uses at run time (kept without a warning). */
  runtime: string[];
  /** Package → the programs it provides: one that only build steps run stays in the builder. */
  tools?: Record<string, string[]>;
  /** Commands present in the full base image but not in the runtime one → the package that provides them. */
  fullImageTools?: Record<string, Partial<Record<PackageManagerName, string>>>;
  /**
   * An application dependency (pip / npm name) → the system libraries it loads at run time that the
   * full base image had and the slim one lacks (added only when the runtime image differs).
   */
  dependencyLibraries?: Record<string, DependencyLibraries>;
  /** apt package named for Debian bookworm → its name on the other releases (only names that differ). */
  releaseNames?: Record<string, Partial<Record<DebianRelease, string>>>;
  /** The Debian release of an image whose tag does not name one: first matching rule wins. */
  imageReleases?: ImageRelease[];
  /** Packages kept in the runtime only with evidence of use; without it they stay in the builder. */
  usedWhen?: Record<string, UsageEvidence>;
}

export interface UsageEvidence {
  /** The container command (or HEALTHCHECK) runs one of these programs. */
  programs: string[];
  /** A regular expression on the application's source files (a shell-out, an import). */
  code: string;
}

export type DebianRelease = (typeof DEBIAN_RELEASES)[number];

export interface DependencyLibraries {
  apt?: string[];
  apk?: string[];
  /** What the dependency loads, for the explanation (`its wheel loads libgomp.so.1`). */
  note: string;
}

export interface ImageRelease {
  /** Regular expression on the image repository without registry (`python`, `library/node`). */
  image: string;
  /** Regular expression on the tag. */
  tag: string;
  /** The release it is built on, or the ones it may be built on (a patch version built before and after a new Debian). */
  releases: DebianRelease[];
}

export type PackageManagerName = 'apt' | 'apk';

/** A package installer that keeps a download cache in the image unless told not to (lint MSB005). */
export interface InstallCache {
  /** The finding's subject (`pip-cache`). */
  subject: string;
  /** How a command runs the installer: a regular expression on the program, and words it must contain in a row. */
  installers: { program: string; words?: string[] }[];
  /** The word that makes it install (`install`, `add`). */
  verb: string;
  /** What keeps the cache out: a flag of the command, an ENV of the stage, a regular expression on the RUN. */
  cleared: { flags?: string[]; env?: string[]; script?: string };
  message: string;
}

/** A build step whose result one image carries and the other does not (a cache left in the builder, a venv's pip). */
export interface EstimateStep {
  /** `build`: the original's RUN lines (counted unless the runtime stage runs it too); `added`: RUN lines msb adds. */
  match: 'build' | 'added';
  /** A regular expression on the RUN instruction's text. */
  pattern: string;
  /** A regular expression on the original's RUN lines that cancels the step (a cache cleaned later). */
  unless?: string;
  /** The image that carries the megabytes. */
  image: 'original' | 'converted';
  mb: number;
  what: string;
}

export interface EstimateData {
  /** The application and its dependencies, in both images (typical MB). */
  application?: number;
  /** An apt/apk package with no figure in `packages`. */
  packageMb?: number;
  /** Package globs → MB (first match wins). */
  packages?: Record<string, number>;
  /** Install caches (the MSB005 subjects: apt-lists, pip-cache...) → MB. */
  caches?: Record<string, number>;
  steps?: EstimateStep[];
}

export interface RegistryPrefix {
  /** `registry.corp.example/base/`: `registry.corp.example/base/python` is read as the official `python`. */
  prefix: string;
  note?: string;
}

export interface Profile {
  id: string;
  name: string;
  description?: string;
  /** The TypeScript strategy (src/languages/<strategy>) that plans conversions for this profile. */
  strategy: string;
  detect: {
    /** Breaks ties between candidates with equal confidence: higher wins. */
    priority: number;
    files: WeightedRule[];
    baseImages: WeightedRule[];
    commands: WeightedRule[];
  };
  runtimeImages: ImageRule[];
  /** Registries (and paths in them) that mirror Docker Hub's images under the same names. */
  registryPrefixes?: RegistryPrefix[];
  packages?: PackageRules;
  /** Folders the build-context listing does not enter (dependencies, caches, build output). */
  contextSkipDirs?: string[];
  /** Extensions (without the dot) of source files the code search reads besides the shared ones. */
  sourceExtensions?: string[];
  /** Installers of this language that keep a cache in the image unless told not to (lint MSB005). */
  installCaches?: InstallCache[];
  /** Template names (relative to templates/, without .hbs) the strategy renders. */
  templates: Record<string, string>;
  /** Approximate sizes in MB of the official images (as `docker images` shows them), for the size estimate. */
  imageSizes?: Record<string, number>;
  /** What the size estimate (src/estimate) knows of this language besides the images. */
  estimate?: EstimateData;
  /** Strategy-specific data, validated by the strategy's own schema. */
  settings?: Record<string, unknown>;
  /** Where the profile was loaded from. */
  source: string;
}
