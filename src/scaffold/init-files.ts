/**
 * The files `vtvl init` writes into an agency's repository, as text. Each is commented in Vietnamese for the
 * staff who will maintain it; versions are pinned to the vtvl that wrote them so CI checks with the same
 * rules as the officer's own machine.
 */
import { REPO_SCHEMAS_DIR } from "./schema-ref.js";

export interface RepoSettings {
  version: string;
  positionsDir: string;
}

const schemasPath = REPO_SCHEMAS_DIR.split("\\").join("/");

export function vtvlrc(settings: RepoSettings): string {
  return `# yaml-language-server: $schema=./${schemasPath}/vtvlrc.schema.json
# Cấu hình vtvl cho kho bản mô tả vị trí việc làm của cơ quan (tạo bởi \`vtvl init\`, vtvl ${settings.version}).
# vtvl lint đọc tệp này cho mọi tệp trong thư mục này và các thư mục con.

# Không tìm thêm .vtvlrc.yaml ở các thư mục cha.
root: true

# Các tệp không kiểm tra khi quét thư mục (mẫu glob, tính từ thư mục này): kết quả in, thư viện, và các
# tệp YAML không phải bản mô tả (cấu hình CI).
ignores:
  - out/**
  - node_modules/**
  - .github/**
  - .gitlab-ci.yml

# Mức độ của từng quy tắc: error (lỗi) | warning (cảnh báo) | info (lưu ý) | off (tắt).
# Xem danh sách quy tắc và ý nghĩa: vtvl rules. Ví dụ:
#   rules:
#     id-fields-filled: error        # bắt buộc điền mã, ngày bắt đầu, địa điểm trước khi trình duyệt
rules: {}

# Thiết lập riêng cho một nhóm tệp (mục sau ưu tiên hơn mục trước). Ví dụ:
# overrides:
#   - files: ["${settings.positionsDir}/nhap/**"]
#     rules:
#       placeholder-left: off        # bản nháp: chưa cần điền hết các chỗ (bổ sung: …)
`;
}

export function githubWorkflow(settings: RepoSettings): string {
  const dir = settings.positionsDir;
  return `# Kiểm tra và in các bản mô tả vị trí việc làm bằng vtvl (tạo bởi \`vtvl init\`, vtvl ${settings.version}).
# - Kiểm tra: lỗi và cảnh báo hiện ngay trên dòng của tệp trong pull request; kết quả SARIF được đưa lên
#   Code scanning (tab Security) kể cả khi kiểm tra thất bại.
# - In: mọi bản mô tả được in ra PDF và HTML, lưu thành artifact "vtvl-ban-in" của lần chạy.
# Nâng cấp vtvl: sửa VTVL_VERSION (và chạy lại \`vtvl init\` để cập nhật lược đồ trong .vtvl/schemas).
name: vtvl

on:
  push:
    branches: [main, master]
  pull_request:
  workflow_dispatch:

env:
  VTVL_VERSION: "${settings.version}"

jobs:
  lint:
    name: Kiểm tra bản mô tả (vtvl lint)
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Cài vtvl
        run: npm install --global "vtvl@\${VTVL_VERSION}"
      - name: Kiểm tra
        run: vtvl lint -f github -f sarif -o vtvl.sarif ${dir}/
      - name: Đưa kết quả lên Code scanning
        # Chạy cả khi bước kiểm tra thất bại. Kho riêng tư cần GitHub Advanced Security cho Code scanning:
        # nếu không có, bước này báo lỗi nhưng không làm hỏng lần chạy.
        if: \${{ !cancelled() && hashFiles('vtvl.sarif') != '' }}
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: vtvl.sarif
          category: vtvl

  render:
    name: In bản mô tả (vtvl render)
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Cài vtvl
        run: npm install --global "vtvl@\${VTVL_VERSION}"
      - name: In ra PDF và HTML
        # Dùng Google Chrome có sẵn trên máy ubuntu-latest.
        run: vtvl render ${dir}/ --out out/ --format pdf,html
      - name: Lưu bản in
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: vtvl-ban-in
          path: out/
          if-no-files-found: warn
`;
}

export function gitlabCi(settings: RepoSettings): string {
  const dir = settings.positionsDir;
  return `# Kiểm tra và in các bản mô tả vị trí việc làm bằng vtvl (tạo bởi \`vtvl init\`, vtvl ${settings.version}).
# - vtvl-lint: kết quả hiện trong merge request (báo cáo JUnit ở tab Tests, Code Quality ở phần thay đổi).
# - vtvl-render: mọi bản mô tả được in ra PDF và HTML, lưu thành artifact của job.
# Nâng cấp vtvl: sửa VTVL_VERSION (và chạy lại \`vtvl init\` để cập nhật lược đồ trong .vtvl/schemas).
# Mạng nội bộ không ra được Internet: đặt npm_config_registry tới kho npm nội bộ của cơ quan.

variables:
  VTVL_VERSION: "${settings.version}"

stages:
  - lint
  - render

vtvl-lint:
  stage: lint
  image: node:20
  script:
    - npm install --global "vtvl@\${VTVL_VERSION}"
    - vtvl lint -f stylish -f junit -o vtvl-junit.xml -f gitlab -o gl-code-quality-report.json ${dir}/
  artifacts:
    when: always
    reports:
      junit: vtvl-junit.xml
      codequality: gl-code-quality-report.json

vtvl-render:
  stage: render
  image: node:20
  needs: []
  script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium
    - npm install --global "vtvl@\${VTVL_VERSION}"
    - vtvl render ${dir}/ --out out/ --format pdf,html
  artifacts:
    when: always
    paths:
      - out/
    expire_in: 30 days
`;
}

export function vscodeSettings(settings: RepoSettings): string {
  const dir = settings.positionsDir;
  return `${JSON.stringify(
    {
      "yaml.schemas": {
        [`./${schemasPath}/position.schema.json`]: [`${dir}/**/*.yaml`, `${dir}/**/*.yml`],
        [`./${schemasPath}/vtvlrc.schema.json`]: [".vtvlrc.yaml", ".vtvlrc.yml"],
      },
      "yaml.validate": true,
      "yaml.completion": true,
      "yaml.hover": true,
      "files.encoding": "utf8",
      "files.eol": "\n",
      "[yaml]": { "editor.tabSize": 2, "editor.insertSpaces": true },
    },
    null,
    2,
  )}\n`;
}

export function vscodeExtensions(): string {
  return `${JSON.stringify({ recommendations: ["redhat.vscode-yaml"] }, null, 2)}\n`;
}

export function gitignore(): string {
  return `# Tạo bởi \`vtvl init\`: kết quả in và báo cáo kiểm tra, không lưu vào kho.
out/
vtvl.sarif
vtvl-junit.xml
gl-code-quality-report.json
.vtvlcache
node_modules/
`;
}

export function readme(settings: RepoSettings): string {
  const dir = settings.positionsDir;
  return `# Bản mô tả vị trí việc làm

Kho này lưu các bản mô tả công việc và khung năng lực vị trí việc làm của cơ quan, mỗi vị trí một tệp YAML
trong thư mục \`${dir}/\`. Công cụ [vtvl](https://www.npmjs.com/package/vtvl) kiểm tra từng tệp theo mẫu của
thông tư, quyết định mà nó tuân theo, và in ra PDF đúng mẫu.

## Cài đặt (một lần)

Cần Node.js 20 trở lên. Trên máy của cán bộ:

\`\`\`sh
npm install --global vtvl@${settings.version}
\`\`\`

Nên dùng Visual Studio Code với tiện ích YAML (Red Hat): khi mở kho này, trình soạn thảo gợi ý tên trường
bằng tiếng Việt và báo lỗi ngay khi gõ, kể cả khi không có Internet (lược đồ nằm trong \`.vtvl/schemas/\`).

## Công việc hằng ngày

| Việc | Lệnh |
|---|---|
| Xem các mẫu có sẵn | \`vtvl new --list\` |
| Tạo bản mô tả mới (chọn mẫu bằng cách gõ tên, có dấu hoặc không) | \`vtvl new\` |
| Kiểm tra | \`vtvl lint ${dir}/\` |
| In ra PDF | \`vtvl render ${dir}/ --out out/ --format pdf\` |

Tệp mới tạo có các chỗ \`(bổ sung: …)\` và các trường \`null\` (mã vị trí, ngày bắt đầu, địa điểm): đó là
phần cơ quan phải điền. \`vtvl lint\` cảnh báo đến khi điền xong, và báo lỗi kèm số dòng, số cột khi nội dung
không đúng mẫu (ví dụ cấp độ năng lực ngoài 1–5).

## Kiểm tra tự động

Mỗi lần đẩy thay đổi lên GitHub (\`.github/workflows/vtvl.yml\`) hoặc GitLab (\`.gitlab-ci.yml\`), các bản mô
tả được kiểm tra và in ra PDF; bản in được lưu thành artifact của lần chạy.

## Cấu hình

\`.vtvlrc.yaml\` đặt mức độ của từng quy tắc (xem \`vtvl rules\`). Chạy lại \`vtvl init\` sau khi nâng cấp
vtvl để cập nhật lược đồ: các tệp đã sửa tay được giữ nguyên.
`;
}
