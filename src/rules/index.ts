/** Every rule vtvl knows, in the order their findings are documented. */
import { unicodeNfc } from "./text/unicode-nfc.js";
import type { ProjectRule, Rule } from "./types.js";

export const rules: readonly Rule[] = [unicodeNfc];

export const projectRules: readonly ProjectRule[] = [];
