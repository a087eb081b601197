/**
 * Recognises what a shell command of a PHP image's build does: runs composer (and whether it
 * leaves the dev dependencies out), compiles or enables extensions, changes Apache's or PHP's
 * configuration, or something else.
 */
import { parseArgv } from '../../analyze/argv';
import { programName, type ShellCommand } from '../../analyze/shell-commands';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { PhpSettings } from './php-settings';

export type PhpCommand =
  /** `composer install|update|require|dump-autoload`: writes vendor/ in the builder (`--no-dev`: without the dev dependencies). */
  | { kind: 'composer' | 'composer-no-dev'; verb: string }
  /** Any other composer command (run-script, create-project, config...). */
  | { kind: 'composer-other'; verb: string }
  /** Extensions compiled or enabled (`configure` names the extension it prepares, nothing more). */
  | { kind: 'extension'; tool: string; extensions: string[] }
  | { kind: 'apache-config' }
  /** Writes PHP's configuration folders (`dirs`, in the profile's order). */
  | { kind: 'php-config'; dirs: string[] }
  | { kind: 'other' };

export function classifyPhpCommand(command: ShellCommand, settings: PhpSettings): PhpCommand {
  const program = programName(command);
  const composerArgs = composerArguments(command);
  if (composerArgs) {
    const parsed = parseArgv(composerArgs, settings.composerOptions);
    const verb = parsed.operands[0] ?? '';
    if (settings.composerWrites.includes(verb))
      return {
        kind: parsed.options.some((o) => o.name === '--no-dev') ? 'composer-no-dev' : 'composer',
        verb,
      };
    return { kind: 'composer-other', verb };
  }
  if (settings.extensionInstallers.includes(program)) {
    const args = program === 'pecl' ? peclInstallArguments(command.words) : command.words.slice(1);
    if (args === null) return { kind: 'other' };
    const extensions = parseArgv(args, settings.extensionOptions)
      .operands.filter((word) => !word.startsWith('@') && !word.includes('$'))
      .map(extensionName);
    return { kind: 'extension', tool: program, extensions };
  }
  if (program === 'docker-php-ext-configure') return { kind: 'extension', tool: program, extensions: [] };
  if (settings.apachePrograms.includes(program)) return { kind: 'apache-config' };
  if (settings.fileWriters.includes(program)) {
    if (command.text.includes(settings.apacheConfig) || /\$\{?APACHE_CONFDIR\b/.test(command.text))
      return { kind: 'apache-config' };
    const named = Object.entries(settings.configVariables)
      .filter(([name]) => compiledRegExp(`\\$\\{?${name}\\b`).test(command.text))
      .map(([, dir]) => dir);
    const dirs = settings.configDirs.filter((dir) => command.text.includes(dir) || named.includes(dir));
    if (named.length > 0 || dirs.length > 0) return { kind: 'php-config', dirs };
  }
  return { kind: 'other' };
}

/** `composer ...`, `composer.phar ...`, `php composer.phar ...`, `php /usr/bin/composer ...`. */
function composerArguments(command: ShellCommand): string[] | null {
  const program = programName(command);
  if (/^composer(\.phar)?$/.test(program)) return command.words.slice(1);
  if (/^php[0-9.]*$/.test(program)) {
    const script = command.words[1] ?? '';
    if (/(^|\/)composer(\.phar)?$/.test(script)) return command.words.slice(2);
  }
  return null;
}

/** `pecl install [-o -f] redis-5.3.7` → its arguments after `install`; other pecl verbs → null. */
function peclInstallArguments(words: readonly string[]): string[] | null {
  const verb = words.findIndex((w, i) => i > 0 && !w.startsWith('-'));
  return verb > 0 && words[verb] === 'install' ? words.slice(verb + 1) : null;
}

/** `redis-5.3.7` / `mongodb@1.17.0` / `channel://pecl.php.net/redis` / `imagick/imagick@master` → the name, lower case. */
export function extensionName(word: string): string {
  return word
    .replace(/^.*\//, '')
    .replace(/@.*$/, '')
    .replace(/-[0-9].*$/, '')
    .toLowerCase();
}
