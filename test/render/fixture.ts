import { readFileSync } from "node:fs";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import type { RollupView, TaskRollup, UnitRollupRow } from "../../src/core/rollups/rollup-types.js";
import type { IndicatorDef } from "../../src/core/types.js";
import { createTranslator } from "../../src/i18n.js";

export const TZ = "Asia/Ho_Chi_Minh";

export const INDICATORS: IndicatorDef[] = [
  { code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] },
  { code: "ap_phich", label: "Áp phích", measure: "tờ", synonyms: ["áp phích"] },
  { code: "tin_bai", label: "Tin bài", measure: "tin", synonyms: ["tin bài"] },
];

/** Hand-computed: pano 12 + 5 + 20, ap_phich 30 + 0 + 45, tin_bai 3 + 4 + 7. */
export const EXPECTED_TOTALS = { pano: 37, ap_phich: 75, tin_bai: 14 };
export const EXPECTED_PHOTOS = 2 + 1 + 3;

export const UNIT_NAMES = [
  "UBND xã Thạch Bình",
  "UBND xã Thành Vinh",
  "UBND thị trấn Kim Tân",
  "UBND xã Thạch Định",
  "UBND xã Thành Tâm",
];

/** Files are given by the caller so the DOCX test can point at real pictures in a temp folder. */
export function quarterlyTask(files: { photoPng?: string; photoJpg?: string; missingFile?: string } = {}): TaskRollup {
  const rows: UnitRollupRow[] = [
    {
      unitCode: "XA_THACH_BINH",
      unitName: UNIT_NAMES[0]!,
      tags: ["xa"],
      group: "Xã, thị trấn",
      reminded: 3,
      status: "on_time",
      submittedAt: new Date("2021-03-10T02:15:00Z"),
      submittedBy: "Nguyễn Thị Lan",
      values: { pano: 12, ap_phich: 30, tin_bai: 3 },
      references: [{ number: "15/KH-UBND", date: "2021-02-05" }],
      text: "Thực hiện Kế hoạch số 15/KH-UBND, xã đã treo 12 pa nô, dán 30 áp phích tại các thôn và nhà văn hóa, đăng 3 tin bài trên trang thông tin điện tử của xã.",
      photoCount: 2,
      files: [
        ...(files.missingFile
          ? [{ path: files.missingFile, fileName: "khong-con.jpg", kind: "photo" as const, mime: "image/jpeg" }]
          : []),
        ...(files.photoPng
          ? [{ path: files.photoPng, fileName: "pano-thon-1.png", kind: "photo" as const, mime: "image/png" }]
          : []),
        ...(files.photoJpg
          ? [{ path: files.photoJpg, fileName: "ap-phich.jpg", kind: "photo" as const, mime: "image/jpeg" }]
          : []),
      ],
    },
    {
      unitCode: "XA_THANH_VINH",
      unitName: UNIT_NAMES[1]!,
      tags: ["xa"],
      group: "Xã, thị trấn",
      reminded: 3,
      status: "late",
      submittedAt: new Date("2021-03-18T08:40:00Z"),
      submittedBy: "Lê Văn Đức",
      values: { pano: 5, ap_phich: 0, tin_bai: 4 },
      references: [],
      text: "Báo cáo muộn: 5 pano, 4 tin bài",
      photoCount: 1,
      files: files.photoPng ? [{ path: files.photoPng, fileName: "anh.png", kind: "photo", mime: "image/png" }] : [],
    },
    {
      unitCode: "TT_KIM_TAN",
      unitName: UNIT_NAMES[2]!,
      tags: ["thi-tran"],
      group: "Xã, thị trấn",
      reminded: 3,
      status: "on_time",
      submittedAt: new Date("2021-03-14T23:30:00Z"),
      submittedBy: "Trần Minh Hải",
      values: { pano: 20, ap_phich: 45, tin_bai: 7 },
      references: [{ number: "08/BC-UBND", date: "2021-03-14" }, { number: "12/KH-UBND" }],
      text: "Thị trấn treo 20 pa nô, 45 áp phích; 7 tin bài.",
      photoCount: 3,
      files: [{ path: "/nonexistent/x.txt", fileName: "bao-cao.pdf", kind: "document", mime: "application/pdf" }],
    },
    {
      unitCode: "XA_THACH_DINH",
      unitName: UNIT_NAMES[3]!,
      tags: ["xa"],
      group: "Xã, thị trấn",
      reminded: 4,
      status: "missing",
      values: {},
      references: [],
      photoCount: 0,
      files: [],
    },
    {
      unitCode: "XA_THANH_TAM",
      unitName: UNIT_NAMES[4]!,
      tags: ["xa"],
      group: "Xã, thị trấn",
      reminded: 4,
      status: "missing",
      values: {},
      references: [],
      photoCount: 0,
      files: [],
    },
  ];
  return {
    taskId: 1,
    taskCode: "BC_QUY",
    title: "Báo cáo kết quả tuyên truyền CCHC",
    periodKey: "2021-Q1",
    periodLabel: "Quý I/2021",
    // 23:59 of Tuesday 16/03/2021 in Vietnam.
    dueAt: new Date("2021-03-16T16:59:00Z"),
    asOf: new Date("2021-03-19T09:00:00Z"),
    groups: ["Xã, thị trấn"],
    indicators: INDICATORS,
    rows,
    counts: { total: 5, onTime: 2, late: 1, notDue: 0, missing: 2, unreachable: 0, excused: 0 },
    totals: { ...EXPECTED_TOTALS },
    photoCount: EXPECTED_PHOTOS,
    previous: {
      periodKey: "2020-Q4",
      periodLabel: "Quý IV/2020",
      counts: { total: 5, onTime: 1, late: 1, notDue: 0, missing: 3, unreachable: 0, excused: 0 },
      totals: { pano: 34, ap_phich: 75, tin_bai: 20 },
    },
  };
}

/** A one-off task with no indicators, to exercise the empty paths. */
export function oneOffTask(): TaskRollup {
  const rows: UnitRollupRow[] = UNIT_NAMES.map((unitName, i) => ({
    unitCode: `U${i}`,
    unitName,
    tags: ["xa"],
    group: "Xã, thị trấn",
    reminded: 2,
    status: i === 4 ? "late" : "on_time",
    submittedAt: new Date(Date.UTC(2021, 1, 5 + i, 3, 0)),
    submittedBy: "Cán bộ văn hóa",
    values: {},
    references: [{ number: `${10 + i}/KH-UBND`, date: "2021-02-05" }],
    photoCount: 0,
    files: [],
  }));
  return {
    taskId: 2,
    taskCode: "KH_2021",
    title: "Xây dựng kế hoạch tuyên truyền CCHC năm 2021",
    periodKey: "once",
    periodLabel: "",
    dueAt: new Date("2021-02-09T16:59:00Z"),
    asOf: new Date("2021-02-17T02:00:00Z"),
    groups: ["Xã, thị trấn"],
    indicators: [],
    rows,
    counts: { total: 5, onTime: 4, late: 1, notDue: 0, missing: 0, unreachable: 0, excused: 0 },
    totals: {},
    photoCount: 0,
  };
}

export function fixtureView(tasks: TaskRollup[] = [quarterlyTask(), oneOffTask()]): RollupView {
  return {
    generatedAt: new Date("2026-11-26T03:00:00Z"),
    timezone: TZ,
    plan: {
      number: "20/KH-UBND",
      date: "2021-01-29",
      title: "Kế hoạch tuyên truyền cải cách hành chính năm 2021",
      issuer: "Phòng Văn hóa và Thông tin",
      parentIssuer: "UBND huyện Thạch Thành",
      place: "Thạch Thành",
    },
    tasks,
  };
}

const GROUP_LABELS = ["Xã, phường, thị trấn", "Thị trấn", "Phòng, ban chuyên môn"];

/** 60 units over three groups. */
export function bigTask(): TaskRollup {
  const tags = ["xa", "thi-tran", "phong-ban"];
  const statuses = ["on_time", "late", "missing"] as const;
  const rows = Array.from({ length: 60 }, (_, i): UnitRollupRow => {
    const status = statuses[Math.floor(i / 3) % 3]!;
    return {
      unitCode: `U${i}`,
      unitName: `Đơn vị số ${i + 1}`,
      tags: [tags[i % 3]!, "khac"],
      group: GROUP_LABELS[i % 3]!,
      reminded: 2,
      status,
      values: status === "missing" ? {} : { pano: 1, tin_bai: 2 },
      references: [],
      photoCount: 0,
      files: [],
    };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const reported = rows.filter((r) => r.status !== "missing").length;
  return {
    ...quarterlyTask(),
    rows,
    counts: {
      total: 60,
      onTime: count("on_time"),
      late: count("late"),
      notDue: 0,
      missing: count("missing"),
      unreachable: 0,
      excused: 0,
    },
    totals: { pano: reported, ap_phich: 0, tin_bai: 2 * reported },
    photoCount: 0,
    groups: GROUP_LABELS,
    previous: undefined,
  };
}

/**
 * The seed plan's quarterly report the morning after its deadline: 37 units in four groups (the
 * lead office is not among them), 9 indicators; 10 communes registered, 7 reported (2 late),
 * 3 missing after reminders, the rest with nobody to remind.
 */
export function seedQuarterTask(): TaskRollup {
  const plan = parsePlanFile(readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8"), createTranslator().t("vi"));
  if (!plan.ok) throw new Error(plan.errors.join("\n"));
  const task = plan.file.tasks.find((x) => x.code === "BC_QUY_CCHC")!;
  const labels = new Map(plan.file.plan.unitGroups.map((g) => [g.tag, g.label]));
  const units = plan.file.units.filter((u) => u.code !== plan.file.plan.leadUnitCode);
  const values = (i: number): Record<string, number> => ({
    pano: 4 + (i % 5),
    ap_phich: 120 + i * 15,
    bang_ron: 10 + i,
    to_roi: 2500 + i * 100,
    tin_bai: 3 + (i % 4),
    phat_thanh: 24 + i,
    bai_mxh: 6 + i,
    hoi_nghi: 1 + (i % 2),
    nguoi_tham_du: 150 + i * 20,
  });
  const rows: UnitRollupRow[] = units.map((u, i) => {
    const group = labels.get(u.tags.find((tag) => labels.has(tag)) ?? "") ?? u.kind;
    const base = { unitCode: u.code, unitName: u.name, tags: u.tags, group, references: [], photoCount: 0, files: [] };
    if ([1, 7, 8, 9, 31].includes(i))
      return {
        ...base,
        status: "on_time",
        reminded: 4,
        values: values(i),
        submittedAt: new Date("2021-03-12T03:00:00Z"),
      };
    if ([10, 11].includes(i))
      return { ...base, status: "late", reminded: 5, values: values(i), submittedAt: new Date("2021-03-16T03:00:00Z") };
    if ([12, 13, 14].includes(i)) return { ...base, status: "missing", reminded: 5, values: {} };
    return { ...base, status: "unreachable", unreachableReason: "no_chat", reminded: 0, values: {} };
  });
  const reported = rows.filter((r) => r.status === "on_time" || r.status === "late");
  const totals: Record<string, number> = {};
  for (const ind of task.indicators) totals[ind.code] = reported.reduce((s, r) => s + (r.values[ind.code] ?? 0), 0);
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const groups = plan.file.plan.unitGroups.map((g) => g.label).filter((label) => rows.some((r) => r.group === label));
  return {
    taskId: 2,
    taskCode: task.code,
    title: task.title,
    periodKey: "2021-Q1",
    periodLabel: "Quý I/2021",
    dueAt: new Date("2021-03-15T16:59:00Z"),
    asOf: new Date("2021-03-16T02:00:00Z"),
    indicators: task.indicators,
    groups,
    rows: groups.flatMap((g) => rows.filter((r) => r.group === g)),
    counts: {
      total: rows.length,
      onTime: count("on_time"),
      late: count("late"),
      notDue: 0,
      missing: count("missing"),
      unreachable: count("unreachable"),
      excused: 0,
    },
    totals,
    photoCount: 12,
  };
}

/**
 * A task at the country's scale: `units` communes in `groups` groups (the 34 provinces), with
 * every state: reported on time and late, missing after reminders, nobody to remind, excused.
 */
export function scaleTask(units = 3321, groups = 34): TaskRollup {
  const labels = Array.from({ length: groups }, (_, g) => `Tỉnh số ${g + 1}`);
  const statuses = ["on_time", "on_time", "late", "missing", "unreachable", "on_time", "excused"] as const;
  const rows = Array.from({ length: units }, (_, i): UnitRollupRow => {
    const status = statuses[i % statuses.length]!;
    const reported = status === "on_time" || status === "late";
    return {
      unitCode: `XA_${i + 1}`,
      unitName: `UBND xã Thử Nghiệm ${i + 1}`,
      tags: [`tinh-${(i % groups) + 1}`, "xa"],
      group: labels[i % groups]!,
      reminded: status === "missing" ? 5 : 0,
      status,
      ...(status === "unreachable" ? { unreachableReason: "no_chat" as const } : {}),
      ...(reported ? { submittedAt: new Date("2021-03-12T03:00:00Z") } : {}),
      values: reported ? { pano: i % 13, ap_phich: i % 7, tin_bai: i % 5 } : {},
      references: [],
      photoCount: 0,
      files: [],
    };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const reported = rows.filter((r) => r.status === "on_time" || r.status === "late");
  const totals = Object.fromEntries(
    INDICATORS.map((ind) => [ind.code, reported.reduce((s, r) => s + (r.values[ind.code] ?? 0), 0)]),
  );
  return {
    ...quarterlyTask(),
    rows: labels.flatMap((label) => rows.filter((r) => r.group === label)),
    groups: labels,
    counts: {
      total: units,
      onTime: count("on_time"),
      late: count("late"),
      notDue: 0,
      missing: count("missing"),
      unreachable: count("unreachable"),
      excused: count("excused"),
    },
    totals,
    photoCount: 0,
    previous: undefined,
  };
}
