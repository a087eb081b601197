/**
 * A Rust project read once: its Cargo packages, workspaces and locked crates, and what its
 * sources embed or load, for the plan; for the report its framework and package manager.
 */
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import { CargoProject, readCargoProject } from './cargo-manifest';
import { RustSources, scanRustSources } from './rust-sources';
import type { RustSettings } from './rust-settings';

export interface RustAnalysis {
  details: LanguageDetails;
  cargo: CargoProject;
  sources: RustSources;
  /** Every crate the project depends on: Cargo.lock's names, else the manifests' dependencies. */
  crates: Set<string>;
}

export function analyzeRust(input: DetectInput, settings: RustSettings): RustAnalysis {
  const cargo = readCargoProject(input.context);
  const crates =
    cargo.lockedCrates.size > 0
      ? new Set(cargo.lockedCrates)
      : new Set(cargo.packages.flatMap((p) => p.dependencies));
  const evidence: Evidence[] = [];
  const facts: Record<string, string> = {};
  const framework = findFramework(settings.frameworks, (c) => crates.has(c))?.name;
  if (framework) evidence.push({ kind: 'manifest', detail: `${framework} in Cargo.toml`, weight: 0.3 });
  const root = cargo.packages.find((p) => p.dir === '');
  if (root) facts.package = root.name;
  if (cargo.workspaces.length > 0) facts.workspace = `${cargo.workspaces[0].members.length} members`;
  return {
    details: { framework, packageManager: 'cargo', facts, evidence },
    cargo,
    sources: scanRustSources(input.context, cargo.packages),
    crates,
  };
}
