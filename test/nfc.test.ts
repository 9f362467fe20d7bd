import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNfc } from "../src/util/nfc.js";

describe("isNfc", () => {
  it("agrees with String.prototype.normalize on any text, Vietnamese composed or decomposed", () => {
    const vietnamese = fc.constantFrom(
      ..."aăâeêioôơuưyđAĂÂĐ ,.ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ\u0300\u0301\u0303\u0309\u0323\u2000\u2126",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: vietnamese }), fc.fullUnicodeString()), (text) => {
        expect(isNfc(text)).toBe(text.normalize("NFC") === text);
      }),
      { numRuns: 2000 },
    );
  });

  it("decides by the regular expression only for characters that no normalisation changes, alone or in pairs", () => {
    // The ranges of the quick test, every character and every pair (1.4 million strings).
    const stable = [
      [0x0000, 0x02ff],
      [0x1e00, 0x1eff],
      [0x2002, 0x206f],
      [0x20a0, 0x20c0],
    ].flatMap(([from, to]) =>
      Array.from({ length: to! - from! + 1 }, (_, k) => String.fromCharCode(from! + k)),
    );
    const changed: string[] = [];
    for (const first of stable) {
      if (first.normalize("NFC") !== first) changed.push(first);
      for (const second of stable)
        if ((first + second).normalize("NFC") !== first + second) changed.push(first + second);
    }
    expect(changed).toEqual([]);
    expect(stable.every((char) => isNfc(char))).toBe(true);
  });
});
