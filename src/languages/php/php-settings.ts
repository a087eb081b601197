/** The PHP profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { frameworksSchema } from '../../detect/frameworks';
import { interpretedSchema } from '../../plan/interpreted-plan';
import { toolImagesSchema } from '../../plan/tool-images';
import { absolutePath, optionTable, stringList } from '../../profiles/settings-schema';

const libraries = Type.Object(
  { apt: Type.Optional(stringList), apk: Type.Optional(stringList) },
  { additionalProperties: false },
);

export const phpSettingsSchema = Type.Object(
  {
    /** Composer's verbs that write vendor/ (or its autoloader), and its options. */
    composerWrites: stringList,
    composerOptions: optionTable,
    /** Programs that compile or enable extensions (docker-php-ext-install, pecl...). */
    extensionInstallers: stringList,
    /** docker-php-ext-install's and pecl's options. */
    extensionOptions: optionTable,
    /** Installers that fetch an extension's headers themselves: msb cannot tell the libraries an unknown one links. */
    selfContainedInstallers: stringList,
    /** Programs that only write files: a configuration change when they name a configuration folder. */
    fileWriters: stringList,
    /** Where the official images keep compiled extensions; the runtime copies it whole. */
    extensionDir: absolutePath,
    /** PHP's configuration folders (PHP_INI_DIR, php-fpm.d); copied when the build changes them. */
    configDirs: Type.Array(absolutePath),
    /** Image variables naming those folders (`PHP_INI_DIR` → /usr/local/etc/php). */
    configVariables: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), absolutePath),
    /** Images build tools are copied from (`COPY --from=composer:2`) and the programs they bring. */
    installerImages: toolImagesSchema,
    /** Programs that change Apache's configuration (a2enmod...). */
    apachePrograms: stringList,
    /** Apache's configuration folder. */
    apacheConfig: absolutePath,
    /** Extension → the runtime libraries it links, per package manager ({} = none beyond the base image's). */
    extensionLibraries: Type.Record(Type.String(), libraries),
    frameworks: frameworksSchema,
    interpreted: interpretedSchema,
  },
  { additionalProperties: false },
);

export type PhpSettings = Static<typeof phpSettingsSchema>;
