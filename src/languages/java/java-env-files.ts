/**
 * How a Java application loads a dotenv file, for src/plan/settle-runtime-files.ts: dotenv-java
 * (`Dotenv.load()` throws without the file, `.ignoreIfMissing()` does not), Spring's
 * `spring.config.import` (`optional:file:.env[.properties]` or not), and spring-dotenv, which
 * reads `.env` when present.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import type { FileUse } from '../../plan/settle-runtime-files';

export function javaEnvFileUse(context: BuildContext, contextPath: string): FileUse {
  const name = path.basename(contextPath);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uses: { required: boolean; why: string }[] = [];
  for (const file of context.files) {
    if (/\.(java|kt)$/.test(file)) {
      const text = context.read(file) ?? '';
      if (!/\bDotenv\b|\bdotenv\s*\{/.test(text)) continue;
      const optional = /ignoreIfMissing/.test(text);
      uses.push({
        required: !optional,
        why: optional
          ? `dotenv-java in ${file} ignores a missing file`
          : `dotenv-java in ${file} throws without it`,
      });
    } else if (/(^|\/)application[^/]*\.(properties|ya?ml)$/.test(file)) {
      for (const match of (context.read(file) ?? '').matchAll(
        new RegExp(`(optional:)?file:(\\./)?${escaped}(\\[|\\b|$)`, 'gm'),
      )) {
        uses.push({
          required: !match[1],
          why: `spring.config.import in ${file} ${match[1] ? 'marks it optional' : 'requires it'}`,
        });
      }
    } else if (
      /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/.test(file) &&
      name === '.env' &&
      /spring-dotenv/.test(context.read(file) ?? '')
    ) {
      uses.push({ required: false, why: `spring-dotenv (${file}) reads it only when present` });
    }
  }
  return uses.find((u) => u.required) ?? uses[0] ?? null;
}
