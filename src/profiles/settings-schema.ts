/**
 * Building blocks for the strategies' `settings` schemas. A schema is declared once with
 * TypeBox: ajv validates the profile against it at load and TypeScript derives the settings
 * type from it (`Static<typeof schema>`), so the two cannot drift apart.
 */
import { Type, type TUnsafe } from '@sinclair/typebox';

/** Non-empty strings (package names, file globs, flags). */
export const stringList = Type.Array(Type.String({ minLength: 1 }));

/** An absolute path without spaces or variables (it is written into generated instructions). */
export const absolutePath = Type.String({ pattern: '^/[^\\s$]*$' });

/** A string that must be a valid regular expression (the `regex` keyword of src/profiles/load-profiles.ts). */
export const regexString = Type.String({ regex: true });

/** A tool's option table in a profile (`OptionTable` of analyze/argv.ts, which says what each field means). */
export const optionTable = Type.Object(
  {
    valued: Type.Optional(stringList),
    flags: Type.Optional(stringList),
    aliases: Type.Optional(Type.Record(Type.String(), Type.String())),
    glued: Type.Optional(Type.Union([Type.Boolean(), stringList])),
    clusters: Type.Optional(Type.Boolean()),
    valueNotOption: Type.Optional(Type.Boolean()),
    stopAtOperand: Type.Optional(Type.Boolean()),
    singleDash: Type.Optional(Type.Boolean()),
    expansionsAreOptions: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** One of a few words, validated as a JSON-schema `enum` (its error names the allowed values). */
export function oneOf<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ enum: [...values] });
}
