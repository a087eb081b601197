/**
 * How an application loads a secret-looking file such as `.env` (for src/plan/settle-runtime-files.ts),
 * read from a profile's rules (`settings.envFileLoads`): which source or config files can load it,
 * each call or import line that does, and whether a missing file stops the program. The first use
 * that requires the file decides, else the first use.
 */
import { Type, type Static } from '@sinclair/typebox';
import { posix as path } from 'path';
import type { BuildContext } from '../context/build-context';
import { regexString, stringList } from '../profiles/settings-schema';
import { compiledRegExp } from '../util/compiled-regexp';
import type { FileUse } from './settle-runtime-files';

export const envFileLoadsSchema = Type.Array(
  Type.Object(
    {
      /** The context files the rule reads (regex on the path); a file is read by the first rule matching it. */
      files: regexString,
      /** Only files whose text matches this are read further. */
      contains: Type.Optional(regexString),
      /** The secret files the rule is about (default: any). */
      names: Type.Optional(stringList),
      /**
       * A use per match (`{name}`: the file's name); its group `how`, else the whole file, is what
       * `requiredWhen`/`optionalWhen` test. Without `each`, the file is one use.
       */
      each: Type.Optional(Type.String({ minLength: 1 })),
      /** The use requires the file when this matches (else it is optional). */
      requiredWhen: Type.Optional(regexString),
      /** The use is optional when this matches (else it requires the file). Neither: always optional. */
      optionalWhen: Type.Optional(regexString),
      /** What is said of a use that requires / does not require the file (`{file}`: where it is). */
      required: Type.Optional(Type.String({ minLength: 1 })),
      optional: Type.String({ minLength: 1 }),
    },
    { additionalProperties: false },
  ),
);

export type EnvFileLoads = Static<typeof envFileLoadsSchema>;

/** `contextPath`: the secret file (its context path, or its base name). */
export function envFileUse(context: BuildContext, contextPath: string, rules: EnvFileLoads): FileUse {
  const name = path.basename(contextPath);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uses: { required: boolean; why: string }[] = [];
  for (const file of context.files) {
    const rule = rules.find((r) => compiledRegExp(r.files).test(file));
    if (!rule || (rule.names && !rule.names.includes(name))) continue;
    const text = context.read(file) ?? '';
    if (rule.contains && !compiledRegExp(rule.contains).test(text)) continue;
    const subjects = rule.each
      ? [...text.matchAll(new RegExp(rule.each.replace(/\{name\}/g, escaped), 'gm'))].map(
          (m) => m.groups?.how ?? '',
        )
      : [text];
    for (const subject of subjects) {
      const required = rule.requiredWhen
        ? compiledRegExp(rule.requiredWhen).test(subject)
        : rule.optionalWhen !== undefined && !compiledRegExp(rule.optionalWhen).test(subject);
      const why = (required ? rule.required : undefined) ?? rule.optional;
      uses.push({ required, why: why.replace(/\{file\}/g, file) });
    }
  }
  return uses.find((u) => u.required) ?? uses[0] ?? null;
}
