/** Options several commands share, declared and checked in one place. */
import { isLang, type Lang } from "../i18n/index.js";
import { UsageError } from "./errors.js";

/** `.option(...LANG_OPTION)`: the language of messages, Vietnamese unless told otherwise. */
export const LANG_OPTION = ["--lang <lang>", "ngôn ngữ thông báo: vi | en", "vi"] as const;

/** The --lang value as a Lang; anything else is a usage error (in both languages, since neither is known). */
export function parseLang(value: string): Lang {
  if (!isLang(value))
    throw new UsageError(`--lang phải là vi hoặc en, không phải "${value}". (--lang must be vi or en.)`);
  return value;
}
