import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { windowsStage } from '../../../src/plan/windows-stage';

describe('windowsStage', () => {
  it.each([
    ['a Linux image', 'FROM golang:1.22', null],
    [
      'nanoserver',
      'FROM golang:1.22-nanoserver-ltsc2022',
      'Windows Go images: msb only plans Linux runtime images',
    ],
    [
      'windowsservercore',
      'FROM golang:1.22-windowsservercore',
      'Windows Go images: msb only plans Linux runtime images',
    ],
    [
      'a PowerShell SHELL',
      'FROM golang:1.22\nSHELL ["powershell", "-Command"]',
      'the stage runs a Windows shell (SHELL powershell/cmd): msb only plans Linux runtime images',
    ],
    ['a Linux SHELL', 'FROM golang:1.22\nSHELL ["/bin/bash", "-c"]', null],
  ])('%s', (_name, dockerfile, expected) => {
    const parsed = parseDockerfile(`${dockerfile}\nRUN go build\n`);
    expect(windowsStage(analyzeStage(parsed, parsed.stages[0]), 'Go')).toBe(expected);
  });
});
