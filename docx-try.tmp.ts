import { writeFileSync } from "node:fs";
import { createTranslator } from "./src/i18n.js";
import { renderRollupDocx } from "./src/render/docx.js";
import { fixtureView, seedQuarterTask } from "./test/render/fixture.js";
const t = createTranslator().t("vi");
const view = fixtureView([seedQuarterTask()]);
view.plan.report = { office: "Phòng Văn hóa và Thông tin", parent: "UBND huyện Thạch Thành", place: "Thạch Thành", abbreviation: "VHTT", to: "Chủ tịch UBND huyện Thạch Thành", recipients: ["Như trên", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa (để b/c)"], signerTitle: "TRƯỞNG PHÒNG", signerName: "Lê Văn Tuấn" };
view.tasks[0]!.rows[7]!.references = [{ number: "15/KH-UBND", date: "2021-02-05" }];
writeFileSync("/tmp/leaders/report.docx", await renderRollupDocx(view, t, { reportDate: new Date("2021-03-16T03:00:00Z") }));
