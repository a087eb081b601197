/**
 * The system packages of the Rust runtime: the build's -dev packages become their runtime
 * libraries and crates that link a system library (openssl-sys, pq-sys... by Cargo.lock) bring
 * theirs (src/plan/system-packages.ts does both from the profile's data), plus CA certificates
 * when a TLS crate is in use. A static binary needs none of them; a runtime without a package
 * manager (distroless) must already have them.
 */
import { posix as path } from 'path';
import { findInSources } from '../../context/source-search';
import type { Decision, PlanInput } from '../../plan/plan-types';
import { certificatesZoneinfo } from '../../plan/certificates-zoneinfo';
import { fragment, StageNode } from '../../plan/stage-model';
import { findPackageInstalls, splitPackages } from '../../plan/system-packages';
import { toolUse } from '../../plan/tool-use';
import type { RustAnalysis } from './rust-analysis';
import type { Libc } from '../../plan/artifact-runtime-choice';
import type { RustRuntime, RustSettings } from './rust-settings';

export interface RustPackages {
  setup: StageNode[];
  copies: StageNode[];
  warnings: string[];
  decisions: Decision[];
  problem?: string;
}

export function rustPackages(
  input: PlanInput<RustSettings>,
  project: RustAnalysis,
  linkage: Libc,
  choice: { runtime: RustRuntime; image: string; packageImage: string },
  commandPrograms: readonly string[],
): RustPackages {
  const { facts, settings, profile, context } = input;
  const { runtime, image } = choice;
  const result: RustPackages = { setup: [], copies: [], warnings: [], decisions: [] };
  const { installs, removed } = findPackageInstalls(facts.runs);
  const tls = settings.tlsCrates.filter((c) => project.crates.has(c));
  const needsCertificates = tls.length > 0 && !runtime.certificates;

  if (linkage === 'static' || !profile.packages) {
    for (const install of installs)
      result.decisions.push({
        subject: `${install.packages.join(' ')} (line ${install.run.instruction.line + 1})`,
        placement: 'builder',
        why: 'the binary is static: the libraries it uses are inside it',
      });
    const files = certificatesZoneinfo(runtime, image, settings, {
      certificates: tls.length > 0 ? ` and the code uses TLS (${tls.join(', ')})` : null,
    });
    result.copies.push(...files.copies);
    result.decisions.push(...files.decisions);
    return result;
  }

  const dependencies = linkedCrates(project, settings);
  const programUse = toolUse(facts, context);
  const split = splitPackages(
    installs,
    removed,
    profile.packages,
    [...commandPrograms, ...programUse.scriptPrograms],
    {
      image: choice.packageImage,
      slimmer: true,
      dependencies,
      findInCode: (pattern) => findInSources(context, pattern),
    },
    programUse,
  );
  if (split.problem) return { ...result, problem: split.problem };
  result.warnings.push(...split.warnings);
  result.decisions.push(...split.decisions);
  const packages = [...split.runtime];
  if (needsCertificates && !packages.includes('ca-certificates')) {
    packages.push('ca-certificates');
    result.decisions.push({
      subject: 'ca-certificates',
      placement: 'added',
      why: `the code uses TLS (${tls.join(', ')}) and ${image} has no CA certificates`,
    });
  }
  if (packages.length === 0) return result;
  if (!runtime.packageManager) {
    const missing = packages.filter((p) => !runtime.packages.includes(p));
    if (missing.length > 0)
      return {
        ...result,
        problem: `the container needs ${missing.join(', ')} at run time, which ${image} does not have and cannot install (no package manager); --runtime debian can`,
      };
    result.decisions.push({
      subject: packages.join(', '),
      placement: 'dropped',
      why: `${path.basename(image)} already has them`,
    });
    return result;
  }
  const text = input.templates.render(profile.templates.systemPackages, {
    manager: runtime.packageManager,
    packages,
  });
  result.setup.push(fragment(text.trim()));
  return result;
}

/** The crates that link a system library in this build (what `dependencyLibraries` is keyed by). */
function linkedCrates(project: RustAnalysis, settings: RustSettings): string[] {
  const direct = new Set(project.cargo.packages.flatMap((p) => p.dependencies));
  const features = project.cargo.packages.flatMap((p) => p.features);
  return [...project.crates].filter((crate) => {
    // A vendored OpenSSL (openssl-src) is linked into the binary: no libssl at run time.
    if (crate === 'openssl-sys' && project.crates.has('openssl-src')) return false;
    const gate = settings.featureGated[crate];
    if (!gate) return true;
    const gating = features.filter(
      (f) => gate.crates.some((c) => f.startsWith(`${c}/`)) || f.includes(gate.feature),
    );
    if (gating.some((f) => /\/bundled/.test(f))) return false;
    return gate.crates.some((c) => direct.has(c)) || gating.length > 0;
  });
}
