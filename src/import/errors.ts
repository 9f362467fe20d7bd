import type { Localized } from "../i18n/index.js";

/** An input the importer cannot use, with what is wrong and how to fix it; the command names the file. */
export class SourceError extends Error {
  constructor(readonly detail: Localized) {
    super(detail.en);
    this.name = "SourceError";
  }
}
