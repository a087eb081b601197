import { findFramework, matchingFrameworks } from '../../../src/detect/frameworks';

const frameworks = [
  { name: 'django', packages: ['django'], file: 'manage.py' },
  { name: 'flask', packages: ['flask'] },
  { name: 'fastapi', packages: ['fastapi', 'starlette'] },
];

/** The project's packages and files, and what the two readers name from them. */
function read(packages: string[], files: string[]) {
  const hasPackage = (name: string) => packages.includes(name);
  const hasFile = (file: string) => files.includes(file);
  const found = findFramework(frameworks, hasPackage, hasFile);
  return {
    first: found && `${found.name} by ${found.byPackage ?? 'its file'}`,
    all: matchingFrameworks(frameworks, hasPackage, hasFile).map((f) => f.name),
  };
}

describe('findFramework and matchingFrameworks', () => {
  it.each([
    ['nothing matches', [], [], { first: null, all: [] }],
    ['a package', ['flask'], [], { first: 'flask by flask', all: ['flask'] }],
    ['a later package of the list', ['starlette'], [], { first: 'fastapi by starlette', all: ['fastapi'] }],
    ['a file', [], ['manage.py'], { first: 'django by its file', all: ['django'] }],
    [
      'the list order is the priority',
      ['fastapi', 'flask', 'django'],
      [],
      { first: 'django by django', all: ['django', 'flask', 'fastapi'] },
    ],
  ])('%s', (_name, packages, files, expected) => {
    expect(read(packages, files)).toEqual(expected);
  });
});

describe('findFramework without a file reader', () => {
  it.each<[string, string[], string | null]>([
    ['a package still names it', ['django'], 'django'],
    ['a framework only a file names is not found', [], null],
  ])('%s', (_name, packages, expected) => {
    const hasPackage = (name: string) => packages.includes(name);
    expect(findFramework(frameworks, hasPackage)?.name ?? null).toBe(expected);
  });
});
