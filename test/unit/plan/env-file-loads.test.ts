/** How the code loads a secret file, by a profile's envFileLoads rules. */
import { openBuildContext } from '../../../src/context/build-context';
import { EnvFileLoads, envFileUse } from '../../../src/plan/env-file-loads';
import { contextDir } from '../../helpers/build-fixture';

const rules: EnvFileLoads = [
  {
    files: '\\.src$',
    contains: 'Loader',
    optionalWhen: 'ifPresent',
    required: 'the loader in {file} needs it',
    optional: 'the loader in {file} goes on without it',
  },
  {
    files: '\\.conf$',
    each: '(?<how>maybe:)?read:{name}\\b',
    optionalWhen: '^maybe:$',
    required: '{file} reads it',
    optional: '{file} reads it if present',
  },
  {
    files: '\\.calls$',
    each: 'load\\(\\)(?<how>[^;\\n]*)',
    requiredWhen: '^\\.must\\(',
    required: 'a call in {file} stops without it',
    optional: 'a call in {file} ignores it',
  },
  {
    files: '\\.build$',
    names: ['.env'],
    contains: 'dotenv-plugin',
    optional: '{file} reads it when present',
  },
];

type Expected = { required: boolean; why: string } | null;

describe('envFileUse', () => {
  it.each<[string, Record<string, string>, string, Expected]>([
    ['nothing loads it', { 'a.src': 'nothing here' }, '.env', null],
    [
      'a file-level loader requires it',
      { 'a.src': 'Loader.load()' },
      '.env',
      { required: true, why: 'the loader in a.src needs it' },
    ],
    [
      'a file-level loader with its optional marker',
      { 'a.src': 'Loader.ifPresent().load()' },
      '.env',
      { required: false, why: 'the loader in a.src goes on without it' },
    ],
    [
      'each match, by its own name',
      { 'app.conf': 'maybe:read:.env\nread:other.env' },
      '.env',
      { required: false, why: 'app.conf reads it if present' },
    ],
    ['each match: the name is matched literally', { 'app.conf': 'read:xenv' }, '.env', null],
    [
      'a required use beats an earlier optional one',
      { 'a.conf': 'maybe:read:.env', 'b.calls': 'load().ok();\nload().must(x);' },
      '.env',
      { required: true, why: 'a call in b.calls stops without it' },
    ],
    [
      'the rest of the line only: a call continued on the next line is optional',
      { 'b.calls': 'load()\n.must(x);' },
      '.env',
      { required: false, why: 'a call in b.calls ignores it' },
    ],
    [
      'a rule about .env only',
      { 'pom.build': 'dotenv-plugin' },
      'config/.env',
      { required: false, why: 'pom.build reads it when present' },
    ],
    ['a rule about .env only: another name', { 'pom.build': 'dotenv-plugin' }, 'app.env', null],
  ])('%s', (_name, files, secret, expected) => {
    const use = envFileUse(openBuildContext(contextDir({ ...files, '.env': 'A=1' })), secret, rules);
    expect(use).toEqual(expected);
  });
});
