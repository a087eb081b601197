/** The Ruby profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { frameworksSchema } from '../../detect/frameworks';
import { interpretedSchema } from '../../plan/interpreted-plan';
import { absolutePath, optionTable, regexString, stringList } from '../../profiles/settings-schema';

export const rubySettingsSchema = Type.Object(
  {
    /** GEM_HOME of the official images: `bundle install` and `gem install` put gems there. */
    gemHome: absolutePath,
    /** BUNDLE_APP_CONFIG of the official images: where `bundle config --local` writes. */
    appConfig: absolutePath,
    /** Gems whose extension builds its own copy of the library from `since` on, unless told to use the system's. */
    vendoredLibraries: Type.Record(
      Type.String(),
      Type.Object(
        { since: Type.String(), systemFlag: Type.String(), env: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    /** `gem install`'s options, for the gem names it installs. */
    gemInstallOptions: optionTable,
    /** Programs, and rake/rails tasks (a regular expression), that run the tests or linters. */
    testPrograms: stringList,
    testTasks: regexString,
    /** Program → the gem that provides it, where the names differ. */
    executables: Type.Record(Type.String(), Type.String()),
    frameworks: frameworksSchema,
    interpreted: interpretedSchema,
  },
  { additionalProperties: false },
);

export type RubySettings = Static<typeof rubySettingsSchema>;
