/**
 * The single source of truth of the position-description format.
 *
 * `scripts/build-schemas.ts` turns these TypeBox definitions into the published files in `schemas/`
 * (a test fails when they drift apart), and `src/model/types.ts` derives the TypeScript types from
 * them with `Static<>`. Only the build script imports this module at run time.
 */
import { Type, type Static, type TSchema, type TUnsafe } from "@sinclair/typebox";

export const definitions: Record<string, TSchema> = {};

/** Registers a shared definition under `$defs/<name>` and returns a `$ref` that keeps its static type. */
function def<T extends TSchema>(name: string, schema: T): TUnsafe<Static<T>> {
  definitions[name] = schema;
  return Type.Unsafe<Static<T>>({ $ref: `#/$defs/${name}` });
}

const opt = Type.Optional;

export const Text = def(
  "Text",
  Type.Union([Type.String(), Type.Array(Type.String())], {
    title: "Văn bản",
    description:
      "Một đoạn văn, hoặc một danh sách các ý (mỗi ý một dòng). Không ghi ký hiệu gạch đầu dòng (•, -): mẫu biểu tự thêm; giữ nguyên số thứ tự (1., 2.) nếu văn bản gốc có.",
  }),
);

export const FormId = def(
  "FormId",
  Type.Union(
    [
      Type.Literal("tt-02-2023-vpcp", {
        title: "Thông tư 02/2023/TT-VPCP, Phụ lục II (công chức ngành văn phòng)",
      }),
      Type.Literal("qd-4135-btctw-a", {
        title: "Quyết định 4135-QĐ/BTCTW (2019), mẫu A: lãnh đạo, thư ký, chuyên viên",
      }),
      Type.Literal("qd-4135-btctw-b", {
        title: "Quyết định 4135-QĐ/BTCTW (2019), mẫu B: chuyên môn dùng chung, hỗ trợ, phục vụ",
      }),
      Type.Literal("hung-yen-pl1-1-2022", { title: "Mẫu PL1.1, Sở Nội vụ Hưng Yên (2022)" }),
      Type.Literal("ninh-binh-xa-2026", {
        title: "Phụ lục 3, vị trí lãnh đạo, quản lý cấp xã (Ninh Bình, 2026)",
      }),
      Type.Literal("qd-302-2025-ubnd", {
        title: "Quyết định 302/QĐ-UBND (2025), Phụ lục III (viên chức)",
      }),
      Type.Literal("nd-232-2026", { title: "Nghị định 232/2026/NĐ-CP, Phụ lục IV (viên chức)" }),
    ],
    {
      title: "Mẫu biểu",
      description: "Mẫu bản mô tả mà tệp này tuân theo; quyết định lược đồ, quy tắc kiểm tra và bố cục in.",
    },
  ),
);

export const RegimeId = def(
  "RegimeId",
  Type.Union(
    [
      Type.Literal("cc-nd62", { title: "Công chức, Nghị định 62/2020/NĐ-CP" }),
      Type.Literal("cc-nd361", { title: "Công chức, Luật 80/2025/QH15 và Nghị định 361/2025/NĐ-CP" }),
      Type.Literal("vc-nd106", { title: "Viên chức, Nghị định 106/2020/NĐ-CP" }),
      Type.Literal("vc-nd232", { title: "Viên chức, Nghị định 232/2026/NĐ-CP" }),
      Type.Literal("dang-qd4135", {
        title: "Công chức cơ quan Đảng, đoàn thể, Quyết định 4135-QĐ/BTCTW",
      }),
    ],
    {
      title: "Chế độ pháp lý",
      description:
        "Chế độ quản lý mà bản mô tả áp dụng (công chức hay viên chức, văn bản gốc). Nếu bỏ trống, lấy theo mẫu biểu.",
    },
  ),
);

const IsoDate = Type.String({ format: "date", title: "Ngày", description: "Ngày theo dạng YYYY-MM-DD." });

export const Level = def(
  "Level",
  Type.Union(
    [
      Type.Integer({ minimum: 1, maximum: 5, title: "Cấp độ", description: "Một cấp độ từ 1 đến 5." }),
      Type.String({
        pattern: "^[1-5]-[1-5]$",
        title: "Khoảng cấp độ",
        description: 'Khoảng cấp độ viết "thấp-cao" với dấu gạch nối, ví dụ "4-5".',
      }),
      Type.Object(
        {
          min: Type.Integer({ minimum: 1, maximum: 5, title: "Cấp độ thấp nhất" }),
          max: Type.Integer({ minimum: 1, maximum: 5, title: "Cấp độ cao nhất" }),
        },
        { additionalProperties: false, title: "Khoảng cấp độ" },
      ),
      Type.Object(
        {
          text: Type.String({
            minLength: 1,
            title: "Yêu cầu bằng lời",
            description:
              'Yêu cầu viết bằng lời thay cho cấp độ (ví dụ ngoại ngữ: "Phù hợp với chức năng, nhiệm vụ…").',
          }),
        },
        { additionalProperties: false, title: "Yêu cầu bằng lời" },
      ),
      Type.Object(
        {
          ref: Type.String({
            minLength: 1,
            title: "Tham chiếu",
            description:
              'Tham chiếu tới khung năng lực khác, như "Theo yêu cầu năng lực của VTVL chuyên môn đảm nhiệm" (QĐ 4135).',
          }),
        },
        { additionalProperties: false, title: "Tham chiếu" },
      ),
      Type.Null({ title: "Để trống", description: "Ô cấp độ để trống như văn bản gốc (thường do gộp ô)." }),
    ],
    {
      title: "Cấp độ",
      description: 'Cấp độ yêu cầu của năng lực, 1–5: một số (4), một khoảng ("4-5" hoặc {min: 4, max: 5}).',
    },
  ),
);

export const GradeRef = def(
  "GradeRef",
  Type.Union(
    [
      Type.String({ minLength: 1, title: "Tên ngạch" }),
      Type.Object(
        {
          name: Type.String({ minLength: 1, title: "Tên ngạch", description: "Tên ngạch như văn bản ghi." }),
          code: opt(
            Type.String({
              pattern: "^\\d{2}\\.\\d{3}$",
              title: "Mã số ngạch",
              description: "Mã số ngạch, ví dụ 01.002 (Chuyên viên chính).",
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ],
    { title: "Ngạch công chức", description: "Ngạch công chức tương ứng (tên, và mã số nếu có)." },
  ),
);

const CareerLevelRange = Type.Object(
  {
    min: Type.Integer({ minimum: 1, maximum: 5, title: "Bậc thấp nhất" }),
    max: Type.Integer({ minimum: 1, maximum: 5, title: "Bậc cao nhất" }),
  },
  { additionalProperties: false, title: "Khoảng bậc nghề nghiệp" },
);

const AchievementRole = Type.Union([
  Type.Literal("chu-tri"),
  Type.Literal("tham-gia"),
  Type.Literal("chu-nhiem"),
]);

/** The static type of an alternative inside `anyOf` (recursion is left to the schema's $ref). */
interface ExperienceFactsWithoutAlternatives {
  [fact: string]: unknown;
}

export const ExperienceFacts = def(
  "ExperienceFacts",
  Type.Object(
    {
      notRequired: opt(Type.Boolean({ title: "Không yêu cầu", description: 'Văn bản ghi "Không yêu cầu".' })),
      minYears: opt(Type.Number({ minimum: 0, title: "Số năm tối thiểu" })),
      minMonths: opt(
        Type.Integer({
          minimum: 0,
          title: "Số tháng tối thiểu",
          description: 'Số tháng ghi kèm, ví dụ "09 năm (đủ 108 tháng)".',
        }),
      ),
      comparator: opt(
        Type.Union([Type.Literal("at-least"), Type.Literal("more-than")], {
          title: "So sánh",
          description: '"at-least": từ đủ / ít nhất; "more-than": trên.',
        }),
      ),
      inGrade: opt(
        Type.String({
          title: "Trong ngạch / chức danh",
          description: 'Ngạch hoặc chức danh nghề nghiệp tính thời gian giữ, ví dụ "Chuyên viên".',
        }),
      ),
      inPosition: opt(
        Type.String({
          title: "Chức vụ đã kinh qua",
          description: 'Chức vụ phải đã giữ, ví dụ "Phó trưởng ban hoặc tương đương".',
        }),
      ),
      inField: opt(Type.String({ title: "Trong ngành, lĩnh vực" })),
      consecutive: opt(Type.Boolean({ title: "Liên tục" })),
      excludesProbation: opt(Type.Boolean({ title: "Không kể thời gian tập sự, thử việc" })),
      minMonthsInGradeIfEquivalent: opt(
        Type.Integer({
          minimum: 0,
          title: "Số tháng tối thiểu giữ chính ngạch khi có thời gian tương đương",
          description:
            '"Trường hợp có thời gian tương đương … thì thời gian giữ ngạch … tối thiểu 01 năm (đủ 12 tháng)".',
        }),
      ),
      achievements: opt(
        Type.Array(
          Type.Object(
            {
              min: Type.Integer({ minimum: 1, title: "Số lượng tối thiểu" }),
              role: opt(
                Type.Union(
                  [
                    AchievementRole,
                    Type.Array(AchievementRole, {
                      minItems: 2,
                      description: 'Nhiều vai trò, khi văn bản ghi "chủ trì hoặc tham gia".',
                    }),
                  ],
                  {
                    title: "Vai trò",
                    description:
                      'chu-tri, tham-gia hoặc chu-nhiem; một danh sách khi văn bản ghi "chủ trì hoặc tham gia"; bỏ trống khi vai trò khác (tác giả …).',
                  },
                ),
              ),
              kind: opt(Type.String({ title: "Loại sản phẩm", description: "Văn bản, đề tài, đề án …" })),
              levels: opt(
                Type.Array(Type.String(), { title: "Cấp", description: "cấp nhà nước, cấp bộ, cấp cơ sở …" }),
              ),
            },
            { additionalProperties: false },
          ),
          {
            title: "Thành tích công tác",
            description:
              "Mọi thành tích trong danh sách đều phải có; các phương án thay thế ghi trong anyOf.",
          },
        ),
      ),
      anyOf: opt(
        Type.Array(Type.Unsafe<ExperienceFactsWithoutAlternatives>({ $ref: "#/$defs/ExperienceFacts" }), {
          minItems: 2,
          title: "Một trong các điều kiện",
          description:
            'Các phương án thay thế nhau (văn bản nối bằng "hoặc"): đáp ứng một phương án là đủ; mỗi phương án là một nhóm dữ kiện.',
        }),
      ),
      specializedLawBasis: opt(
        Type.String({
          title: "Căn cứ pháp luật chuyên ngành",
          description:
            "Văn bản pháp luật chuyên ngành quy định số năm kinh nghiệm (NĐ 232/2026: không quy định cứng số năm, trừ khi pháp luật chuyên ngành có quy định).",
        }),
      ),
      qualitative: opt(Type.Boolean({ title: "Chỉ định tính", description: "Văn bản không nêu số năm." })),
    },
    {
      additionalProperties: false,
      title: "Dữ kiện về kinh nghiệm",
      description: "Các dữ kiện mà văn bản kinh nghiệm nêu, để quy tắc kiểm tra đối chiếu với ngạch.",
    },
  ),
);

const requirementRow = (title: string, description: string) =>
  Type.Union(
    [
      Type.String(),
      Type.Array(Type.String()),
      Type.Object(
        {
          label: opt(
            Type.String({
              title: "Nhãn hàng",
              description: "Nhãn hàng như văn bản in, khi khác nhãn chuẩn.",
            }),
          ),
          text: opt(Text),
        },
        { additionalProperties: false },
      ),
    ],
    { title, description },
  );

const Experience = Type.Union(
  [
    Type.String(),
    Type.Array(Type.String()),
    Type.Object(
      {
        label: opt(
          Type.String({ title: "Nhãn hàng", description: "Nhãn hàng như văn bản in, khi khác nhãn chuẩn." }),
        ),
        text: opt(Text),
        facts: opt(ExperienceFacts),
      },
      { additionalProperties: false },
    ),
  ],
  {
    title: "Kinh nghiệm (thành tích công tác)",
    description:
      "Yêu cầu về kinh nghiệm như văn bản ghi, kèm dữ kiện (facts) khi văn bản nêu số năm, ngạch, thành tích.",
  },
);

export const Task = def(
  "Task",
  Type.Object(
    {
      code: opt(
        Type.String({
          title: "TT",
          description: 'Số thứ tự của nhiệm vụ như văn bản ghi, ví dụ "2.1". Viết trong dấu nháy.',
        }),
      ),
      area: opt(
        Type.Union([Type.String(), Type.Array(Type.String())], {
          title: "Nhiệm vụ, mảng công việc",
          description: "Nhiệm vụ hoặc mảng công việc (cột thứ nhất của nhóm “Các nhiệm vụ, công việc”).",
        }),
      ),
      work: opt(
        Type.Union([Type.String(), Type.Array(Type.String())], {
          title: "Công việc cụ thể",
          description: "Các công việc cụ thể của nhiệm vụ.",
        }),
      ),
      outcomes: opt(
        Type.Union([Type.String(), Type.Array(Type.String())], {
          title: "Mục tiêu, Kết quả đầu ra",
          description:
            "Mục tiêu, kết quả đầu ra (mẫu cấp xã 2026) hoặc sản phẩm, kết quả đầu ra (NĐ 232/2026).",
        }),
      ),
      criteria: opt(
        Type.Union([Type.String(), Type.Array(Type.String())], {
          title: "Tiêu chí đánh giá hoàn thành công việc",
          description: "Tiêu chí đánh giá hoàn thành công việc của nhiệm vụ.",
        }),
      ),
      quota: opt(
        Type.Union([Type.String(), Type.Array(Type.String())], {
          title: "Định mức",
          description: "Định mức công việc, nếu có.",
        }),
      ),
      note: opt(
        Type.String({ title: "Ghi chú", description: 'Ghi chú trong ô, ví dụ "(Theo phân công cụ thể)".' }),
      ),
      category: opt(
        Type.Union([Type.Literal("chuyen-mon"), Type.Literal("quan-ly"), Type.Literal("ho-tro")], {
          title: "Loại công việc",
          description: "NĐ 232/2026: công việc chuyên môn (mục III), quản lý (mục IV) hoặc hỗ trợ (mục V).",
        }),
      ),
      careerLevel: opt(
        Type.Integer({
          minimum: 1,
          maximum: 5,
          title: "Bậc",
          description: "Bậc nghề nghiệp của dòng (NĐ 232/2026).",
        }),
      ),
    },
    {
      additionalProperties: false,
      title: "Nhiệm vụ, công việc",
      description: "Một dòng của bảng “Các công việc và tiêu chí đánh giá”.",
    },
  ),
);

export const AuthorityItem = def(
  "AuthorityItem",
  Type.Object(
    {
      code: opt(
        Type.String({
          title: "TT",
          description: 'Số thứ tự như văn bản ghi, ví dụ "4.1". Viết trong dấu nháy.',
        }),
      ),
      text: opt(Text),
      heading: opt(
        Type.String({
          title: "Nhóm quyền hạn",
          description: 'Tên nhóm, ví dụ "Thẩm quyền tài chính" (mẫu cấp xã 2026).',
        }),
      ),
      items: opt(
        Type.Array(
          Type.Object(
            {
              code: opt(Type.String({ title: "TT" })),
              text: Text,
            },
            { additionalProperties: false },
          ),
          { title: "Quyền hạn trong nhóm" },
        ),
      ),
    },
    {
      additionalProperties: false,
      title: "Quyền hạn cụ thể",
      description: "Một quyền hạn (text), hoặc một nhóm quyền hạn (heading và items).",
    },
  ),
);

export const CompetencyItem = def(
  "CompetencyItem",
  Type.Object(
    {
      name: Type.String({ minLength: 1, title: "Tên năng lực" }),
      level: Level,
      note: opt(Type.String({ title: "Ghi chú" })),
    },
    { additionalProperties: false, title: "Năng lực" },
  ),
);

export const CompetencyGroup = def(
  "CompetencyGroup",
  Type.Object(
    {
      group: Type.Union([Type.Literal("chung"), Type.Literal("chuyen-mon"), Type.Literal("quan-ly")], {
        title: "Nhóm năng lực",
        description: "chung, chuyen-mon (chuyên môn) hoặc quan-ly (quản lý).",
      }),
      label: opt(
        Type.String({ title: "Tên nhóm như văn bản in", description: 'Ví dụ "Nhóm năng lực chung".' }),
      ),
      items: Type.Array(CompetencyItem, { title: "Các năng lực" }),
    },
    { additionalProperties: false, title: "Nhóm năng lực" },
  ),
);

export const PositionProperties = {
  $schema: opt(Type.String({ title: "Lược đồ", description: "Đường dẫn tới lược đồ JSON của mẫu biểu." })),
  form: FormId,
  regime: opt(RegimeId),
  effectiveDate: opt(
    Type.String({
      format: "date",
      title: "Ngày hiệu lực",
      description:
        "Ngày bản mô tả (hoặc quyết định ban hành nó) có hiệu lực; quyết định các quy tắc theo thời điểm (ví dụ không còn cấp huyện từ 1/7/2025).",
    }),
  ),
  legalBasis: opt(
    Type.Array(Type.String(), {
      title: "Căn cứ pháp lý",
      description: "Các văn bản làm căn cứ, ví dụ “Thông tư số 02/2023/TT-VPCP ngày 11/9/2023”.",
    }),
  ),
  formLabel: opt(
    Type.String({
      title: "Nhãn biểu mẫu",
      description:
        'Dòng nhãn trên đầu trang, ví dụ "Tổng Liên đoàn Lao động Việt Nam", "Biểu số 3 (các ngành)".',
    }),
  ),
  appendix: opt(
    Type.Object(
      {
        label: opt(Type.String({ title: "Phụ lục", description: 'Ví dụ "PHỤ LỤC II", "PL1.1".' })),
        title: opt(Type.String({ title: "Tên phụ lục" })),
        issuedWith: opt(
          Type.String({
            title: "Kèm theo",
            description: "Dòng “(Kèm theo Quyết định số … ngày … của …)” như văn bản in.",
          }),
        ),
      },
      { additionalProperties: false, title: "Phụ lục", description: "Phụ lục chứa bản mô tả." },
    ),
  ),
  decision: opt(
    Type.Object(
      {
        kind: opt(Type.String({ title: "Loại văn bản", description: "Quyết định, Thông tư …" })),
        number: opt(
          Type.String({ title: "Số, ký hiệu", description: 'Ví dụ "302/QĐ-UBND"; để trống nếu chưa có số.' }),
        ),
        date: opt(Type.Union([IsoDate, Type.String()], { title: "Ngày ban hành" })),
        issuer: opt(Type.String({ title: "Cơ quan ban hành" })),
      },
      {
        additionalProperties: false,
        title: "Văn bản ban hành",
        description: "Văn bản phê duyệt hoặc ban hành bản mô tả.",
      },
    ),
  ),
  header: opt(
    Type.Object(
      {
        parentAgency: opt(
          Type.String({ title: "Cơ quan chủ quản", description: "Tên cơ quan cấp trên (không in đậm)." }),
        ),
        agency: opt(Type.String({ title: "Tên cơ quan", description: "Tên cơ quan, đơn vị in ở góc trái." })),
        unit: opt(Type.String({ title: "Tên tổ chức", description: "Tên tổ chức, đơn vị trực thuộc." })),
        motto: opt(
          Type.Union([Type.Literal("quoc-hieu"), Type.Literal("dang"), Type.Literal("none")], {
            title: "Quốc hiệu",
            description:
              "quoc-hieu: “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc”; dang: “ĐẢNG CỘNG SẢN VIỆT NAM”; none: không có.",
          }),
        ),
        code: opt(
          Type.String({ title: "Ký hiệu biểu", description: 'Ký hiệu in ở góc phải, ví dụ "PL1.1".' }),
        ),
        mottoLines: opt(
          Type.Array(Type.String(), {
            title: "Quốc hiệu, tiêu ngữ như văn bản in",
            description:
              "Chỉ ghi khi văn bản in khác dạng chuẩn của motto, ví dụ thiếu dòng “Độc lập - Tự do - Hạnh phúc”: các dòng đúng như văn bản in.",
          }),
        ),
      },
      { additionalProperties: false, title: "Phần đầu văn bản" },
    ),
  ),
  title: opt(
    Type.String({
      minLength: 1,
      title: "Tên loại văn bản",
      description: "Dòng tiêu đề, ví dụ “BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM”.",
    }),
  ),
  name: Type.String({
    minLength: 1,
    title: "Tên vị trí việc làm",
    description: "Tên vị trí việc làm (Tên VTVL).",
  }),
  code: opt(
    Type.Union([Type.String(), Type.Null()], {
      title: "Mã vị trí việc làm",
      description: 'Mã vị trí việc làm, ví dụ "LDQL-01"; để trống nếu chưa có.',
    }),
  ),
  startDate: opt(
    Type.Union([Type.String(), Type.Null()], {
      title: "Ngày bắt đầu thực hiện",
      description:
        'Ngày (YYYY-MM-DD) hoặc cách tính ngày, ví dụ "Kể từ ngày Quyết định phê duyệt có hiệu lực".',
    }),
  ),
  workplace: opt(
    Type.Union([Type.String(), Type.Array(Type.String()), Type.Null()], {
      title: "Địa điểm làm việc",
    }),
  ),
  relatedProcedures: opt(
    Type.Union([Type.String(), Type.Array(Type.String()), Type.Null()], {
      title: "Quy trình công việc liên quan",
    }),
  ),
  grade: opt(
    Type.Union([GradeRef, Type.Array(GradeRef), Type.Null()], {
      title: "Ngạch công chức tương ứng",
      description: 'Ngạch tương ứng; một danh sách khi văn bản ghi "A hoặc B".',
    }),
  ),
  professionalTitle: opt(
    Type.Object(
      {
        name: Type.String({ minLength: 1, title: "Chức danh nghề nghiệp" }),
        code: opt(Type.String({ title: "Mã số chức danh nghề nghiệp" })),
        rank: opt(
          Type.Union([Type.Literal("I"), Type.Literal("II"), Type.Literal("III"), Type.Literal("IV")], {
            title: "Hạng",
          }),
        ),
      },
      {
        additionalProperties: false,
        title: "Chức danh nghề nghiệp",
        description: "Chức danh nghề nghiệp và hạng (viên chức).",
      },
    ),
  ),
  careerLevels: opt(
    Type.Unsafe<Static<typeof CareerLevelRange>>({
      ...CareerLevelRange,
      title: "Bậc nghề nghiệp được sử dụng",
      description: "Khoảng bậc nghề nghiệp (1–5) của vị trí (NĐ 232/2026).",
    }),
  ),
  category: opt(
    Type.Union(
      [
        Type.Literal("lanh-dao-quan-ly", { title: "Lãnh đạo, quản lý" }),
        Type.Literal("tro-ly-thu-ky", { title: "Trợ lý, thư ký" }),
        Type.Literal("nghiep-vu-chuyen-nganh", { title: "Nghiệp vụ chuyên ngành" }),
        Type.Literal("chuyen-mon-dung-chung", { title: "Chuyên môn dùng chung" }),
        Type.Literal("ho-tro-phuc-vu", { title: "Hỗ trợ, phục vụ" }),
        Type.Literal("quan-ly", { title: "Quản lý (NĐ 232/2026)" }),
        Type.Literal("chuyen-mon", { title: "Chuyên môn, nghiệp vụ (NĐ 232/2026)" }),
        Type.Literal("ho-tro", { title: "Hỗ trợ (NĐ 232/2026)" }),
      ],
      { title: "Nhóm vị trí việc làm", description: "Nhóm (loại) vị trí việc làm theo danh mục." },
    ),
  ),
  adminLevels: opt(
    Type.Array(
      Type.Union(
        [
          Type.Literal("trung-uong", { title: "Cấp trung ương" }),
          Type.Literal("tinh", { title: "Cấp tỉnh" }),
          Type.Literal("huyen", { title: "Cấp huyện" }),
          Type.Literal("xa", { title: "Cấp xã" }),
        ],
        // With its items' type declared, ajv checks uniqueness by value; otherwise by a deep comparison
        // that throws on a mapping with a `toString` key.
        { type: "string" },
      ),
      {
        title: "Cấp hành chính áp dụng",
        description: "Các cấp mà vị trí được sử dụng theo danh mục.",
        uniqueItems: true,
      },
    ),
  ),
  field: opt(Type.String({ title: "Lĩnh vực hoạt động" })),
  managementLevel: opt(Type.String({ title: "Cấp quản lý" })),
  relatedPositions: opt(Type.Array(Type.String(), { title: "Vị trí việc làm liên quan" })),
  headcount: opt(
    Type.Union([Type.Integer({ minimum: 0 }), Type.String()], { title: "Số lượng người đảm nhiệm" }),
  ),
  headings: opt(
    Type.Object(
      {
        objective: opt(Type.String()),
        tasks: opt(Type.String()),
        relations: opt(Type.String()),
        relationsInternal: opt(Type.String()),
        relationsExternal: opt(Type.String()),
        authority: opt(Type.String()),
        workingConditions: opt(Type.String()),
        requirements: opt(Type.String()),
        requirementsQualification: opt(Type.String()),
        competencies: opt(Type.String()),
      },
      {
        additionalProperties: false,
        title: "Đề mục như văn bản in",
        description:
          "Chỉ ghi khi đề mục in khác đề mục chuẩn của mẫu (để chép đúng văn bản gốc; quy tắc heading-text sẽ kiểm tra).",
      },
    ),
  ),
  objective: opt(
    Type.Union([Type.String(), Type.Array(Type.String())], {
      title: "Mục tiêu vị trí việc làm",
      description: "Tóm tắt tổng quan về vị trí việc làm.",
    }),
  ),
  tasks: opt(Type.Array(Task, { title: "Các công việc và tiêu chí đánh giá" })),
  relations: opt(
    Type.Object(
      {
        internal: opt(
          Type.Object(
            {
              managedBy: opt(
                Type.Union([Type.String(), Type.Array(Type.String())], {
                  title: "Được quản lý trực tiếp và kiểm duyệt kết quả bởi",
                }),
              ),
              manages: opt(
                Type.Union([Type.String(), Type.Array(Type.String())], { title: "Quản lý trực tiếp" }),
              ),
              coordinatesWith: opt(
                Type.Union([Type.String(), Type.Array(Type.String())], {
                  title: "Quan hệ phối hợp trực tiếp trong đơn vị",
                  description: "Cột giữa của bảng 3.1 theo Thông tư 02/2023/TT-VPCP.",
                }),
              ),
              mainPartners: opt(
                Type.Union([Type.String(), Type.Array(Type.String())], {
                  title: "Các đơn vị phối hợp chính",
                }),
              ),
              notes: opt(Text),
            },
            { additionalProperties: false, title: "Bên trong" },
          ),
        ),
        external: opt(
          Type.Array(
            Type.Object(
              {
                organisations: opt(
                  Type.Union([Type.String(), Type.Array(Type.String())], {
                    title: "Cơ quan, tổ chức có quan hệ chính",
                  }),
                ),
                nature: opt(
                  Type.Union([Type.String(), Type.Array(Type.String())], { title: "Bản chất quan hệ" }),
                ),
                notes: opt(Text),
              },
              { additionalProperties: false },
            ),
            { title: "Bên ngoài" },
          ),
        ),
      },
      { additionalProperties: false, title: "Các mối quan hệ công việc" },
    ),
  ),
  authority: opt(Type.Array(AuthorityItem, { title: "Phạm vi quyền hạn" })),
  workingConditions: opt(
    Type.Object(
      {
        equipment: opt(
          Type.Object(
            {
              private: opt(Type.Union([Type.String(), Type.Array(Type.String())], { title: "Dùng riêng" })),
              shared: opt(Type.Union([Type.String(), Type.Array(Type.String())], { title: "Dùng chung" })),
            },
            { additionalProperties: false, title: "Trang thiết bị" },
          ),
        ),
        environment: opt(
          Type.Union([Type.String(), Type.Array(Type.String())], {
            title: "Tính chất công việc, môi trường làm việc",
          }),
        ),
        autonomy: opt(Type.Union([Type.String(), Type.Array(Type.String())], { title: "Mức độ tự chủ" })),
        support: opt(
          Type.Union([Type.String(), Type.Array(Type.String())], { title: "Sự hỗ trợ, phối hợp khác" }),
        ),
      },
      { additionalProperties: false, title: "Điều kiện làm việc" },
    ),
  ),
  requirements: opt(
    Type.Object(
      {
        preamble: opt(
          Type.String({
            title: "Lời dẫn",
            description: "Câu dẫn trước bảng, ví dụ “Thực hiện theo quy định của Đảng và của pháp luật …”.",
          }),
        ),
        education: opt(
          requirementRow("Trình độ đào tạo", "Trình độ đào tạo (trình độ chuyên môn, lý luận chính trị)."),
        ),
        training: opt(requirementRow("Bồi dưỡng, chứng chỉ", "Các chương trình bồi dưỡng, chứng chỉ.")),
        knowledge: opt(requirementRow("Kiến thức, hiểu biết", "Kiến thức bổ trợ (mẫu B của QĐ 4135).")),
        skills: opt(requirementRow("Kỹ năng", "Kỹ năng (mẫu B của QĐ 4135).")),
        experience: opt(Experience),
        qualities: opt(requirementRow("Phẩm chất cá nhân", "Phẩm chất cá nhân.")),
        other: opt(requirementRow("Các yêu cầu khác", "Các yêu cầu khác.")),
      },
      {
        additionalProperties: false,
        title: "Yêu cầu về trình độ",
        description: "Bảng “Nhóm yêu cầu | Yêu cầu cụ thể”.",
      },
    ),
  ),
  competencies: opt(
    Type.Object(
      {
        preamble: opt(Type.String({ title: "Lời dẫn" })),
        groups: Type.Array(CompetencyGroup, { title: "Các nhóm năng lực" }),
        legend: opt(
          Type.String({
            title: "Ghi chú cấp độ",
            description: "Chú giải các cấp độ in dưới bảng (ví dụ mẫu PL1.1 Hưng Yên).",
          }),
        ),
        professionalByLevel: opt(
          Type.Array(
            Type.Object(
              {
                level: Type.Integer({ minimum: 1, maximum: 5, title: "Cấp độ" }),
                description: Text,
                careerLevels: opt(
                  Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { title: "Bậc nghề nghiệp áp dụng" }),
                ),
              },
              { additionalProperties: false },
            ),
            {
              title: "Năng lực chuyên môn theo cấp độ",
              description: "NĐ 232/2026: Cấp độ | Mô tả | Bậc nghề nghiệp áp dụng.",
            },
          ),
        ),
      },
      {
        additionalProperties: false,
        title: "Các năng lực",
        description: "Khung năng lực: nhóm, tên năng lực, cấp độ.",
      },
    ),
  ),
  approval: opt(
    Type.Union(
      [
        Type.Object(
          {
            caption: opt(
              Type.String({ title: "Dòng phê duyệt", description: 'Ví dụ "Phê duyệt của lãnh đạo".' }),
            ),
            position: opt(Type.String({ title: "Chức vụ người ký" })),
            signer: opt(Type.String({ title: "Họ tên người ký" })),
            date: opt(Type.String({ title: "Ngày ký" })),
            note: opt(Type.String({ title: "Ghi chú", description: 'Ví dụ "(Ký tên, đóng dấu)".' })),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { title: "Phê duyệt" },
    ),
  ),
  notes: opt(Type.Union([Type.String(), Type.Array(Type.String())], { title: "Ghi chú" })),
  footnotes: opt(
    Type.Array(
      Type.Object(
        {
          mark: Type.String({ title: "Ký hiệu", description: 'Ký hiệu chú thích, ví dụ "1".' }),
          text: Type.String({ title: "Nội dung chú thích" }),
        },
        { additionalProperties: false },
      ),
      { title: "Chú thích" },
    ),
  ),
  source: opt(
    Type.Object(
      {
        instrument: Type.String({
          title: "Văn bản nguồn",
          description: "Ví dụ “Thông tư số 02/2023/TT-VPCP”.",
        }),
        appendix: opt(Type.String({ title: "Phụ lục" })),
        item: opt(
          Type.String({ title: "Mục", description: "Vị trí của bản mô tả trong văn bản, ví dụ “mục 8”." }),
        ),
        file: opt(Type.String({ title: "Tệp nguồn" })),
        lines: opt(
          Type.Tuple([Type.Integer({ minimum: 1 }), Type.Integer({ minimum: 1 })], {
            title: "Dòng",
            description: "Dòng đầu và dòng cuối trong tệp nguồn.",
          }),
        ),
        note: opt(Type.String({ title: "Ghi chú chép" })),
      },
      {
        additionalProperties: false,
        title: "Nguồn",
        description: "Trích dẫn nguồn của bản chép (văn bản, phụ lục, tệp và dòng).",
      },
    ),
  ),
};

export const Position = Type.Object(PositionProperties, {
  additionalProperties: false,
  title: "Bản mô tả vị trí việc làm",
  description: "Bản mô tả công việc và khung năng lực của một vị trí việc làm.",
});

export type PositionDoc = Static<typeof Position>;
