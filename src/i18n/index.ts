/** Human text is Vietnamese first; `--lang en` switches to English. Code and rule ids stay English. */
export type Lang = "vi" | "en";

export interface Localized {
  vi: string;
  en: string;
}

/** Fills `{name}` placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function format(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function localize(text: Localized, lang: Lang, data?: Record<string, unknown>): string {
  return format(text[lang], data);
}

export function isLang(value: string): value is Lang {
  return value === "vi" || value === "en";
}
