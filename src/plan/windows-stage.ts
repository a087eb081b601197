/**
 * Artifact runtimes are Linux images: a stage on a Windows image (nanoserver, windowsservercore)
 * or with a Windows SHELL (PowerShell, cmd) is not planned, with this reason.
 */
import type { StageFacts } from '../analyze/stage-facts';

export function windowsStage(facts: StageFacts, language: string): string | null {
  if (/windowsservercore|nanoserver/.test(facts.from.tag ?? ''))
    return `Windows ${language} images: msb only plans Linux runtime images`;
  if (facts.shell && /powershell|pwsh|cmd(\.exe)?"/i.test(facts.shell.args))
    return 'the stage runs a Windows shell (SHELL powershell/cmd): msb only plans Linux runtime images';
  return null;
}
