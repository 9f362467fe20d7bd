#!/usr/bin/env node
// The README's first command: lint the bundled examples, then render them to HTML and PDF in out/.
// The examples are faithful transcriptions of published documents, defects included, so lint reports
// errors on purpose; the demo fails only if vtvl itself cannot run or a rendering fails.
import { spawnSync } from "node:child_process";

const vtvl = (args) => spawnSync(process.execPath, ["bin/vtvl.js", ...args], { stdio: "inherit" });

console.log("$ vtvl lint examples/");
const lint = vtvl(["lint", "examples/"]);
if (lint.status !== 0 && lint.status !== 1) process.exit(lint.status ?? 1);
console.log(
  lint.status === 1
    ? "\n(Các lỗi trên là lỗi có thật của văn bản gốc, được giữ nguyên trong bản chép để vtvl tìm ra.)\n"
    : "",
);

console.log("$ vtvl render examples/ --out out/ --format pdf,html");
const render = vtvl(["render", "examples/", "--out", "out/", "--format", "pdf,html"]);
if (render.status !== 0) process.exit(render.status ?? 1);
console.log("\nMở out/ để xem các bản mô tả đã in (PDF và HTML), theo đúng mẫu của từng văn bản.");
