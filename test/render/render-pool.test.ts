import { afterEach, describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { createInlineRenderer, createRenderPool, type Renderer } from "../../src/render/render-pool.js";
import { createTestLogger } from "../support/harness.js";
import { unzip } from "../support/unzip.js";
import { fixtureView, seedQuarterTask } from "./fixture.js";

const translator = createTranslator({ defaultLanguage: "vi" });
const view = () => fixtureView([seedQuarterTask()]);
const inline = createInlineRenderer(translator);
const worker = (name: string) => new URL(`./workers/${name}`, import.meta.url);
const opened: Renderer[] = [];
const pool = (options: Partial<Parameters<typeof createRenderPool>[0]> = {}) => {
  const logger = createTestLogger();
  const p = createRenderPool({ translations: translator, logger, ...options });
  opened.push(p);
  return Object.assign(p, { logger });
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

describe("createRenderPool", () => {
  it("draws the chart, the workbook and the draft report on a worker thread, the same as on the main thread", async () => {
    const p = pool();
    const task = view().tasks[0]!;
    const [png, xlsx, docx] = await Promise.all([
      p.chart(task, { language: "vi", timezone: "Asia/Ho_Chi_Minh" }),
      p.xlsx(view(), { language: "en" }),
      p.docx(view(), { language: "vi", reportDate: new Date("2021-03-16T03:00:00Z"), includePhotos: false }),
    ]);
    expect(
      Buffer.from(png).equals(Buffer.from(await inline.chart(task, { language: "vi", timezone: "Asia/Ho_Chi_Minh" }))),
    ).toBe(true);
    expect(Buffer.from(xlsx).equals(Buffer.from(await inline.xlsx(view(), { language: "en" })))).toBe(true);
    const expected = await inline.docx(view(), {
      language: "vi",
      reportDate: new Date("2021-03-16T03:00:00Z"),
      includePhotos: false,
    });
    expect(unzip(docx).get("word/document.xml")!.equals(unzip(expected).get("word/document.xml")!)).toBe(true);
    // One worker (the default) drew all three, one after the other.
    expect(p.stats()).toMatchObject({ started: 1, rendered: 3, fallbacks: 0, broken: false });
  });

  it("passes a renderer's own error on, without drawing again on the main thread", async () => {
    const p = pool();
    const broken = { ...view().tasks[0]!, rows: undefined } as never;
    await expect(p.chart(broken, { language: "vi", timezone: "Asia/Ho_Chi_Minh" })).rejects.toThrow();
    expect(p.stats()).toMatchObject({ fallbacks: 0, broken: false });
  });

  it("draws on the main thread when its worker dies, and stops using workers after three failures in a row", async () => {
    const p = pool({ workerUrl: worker("exits.mjs") });
    const expected = await inline.xlsx(view(), { language: "vi" });
    for (let i = 0; i < 4; i++)
      expect(Buffer.from(await p.xlsx(view(), { language: "vi" })).equals(Buffer.from(expected))).toBe(true);
    // Three workers tried and died; the fourth job went straight to the main thread.
    expect(p.stats()).toMatchObject({ started: 3, rendered: 0, fallbacks: 3, broken: true, workers: 0 });
    expect(p.logger.errors.length).toBe(1);
  });

  it("gives up on a job that takes too long, and ends its worker", async () => {
    const p = pool({ workerUrl: worker("silent.mjs"), timeoutMs: 200 });
    await expect(p.xlsx(view(), { language: "vi" })).rejects.toThrow(/timed out after 200 ms/);
    expect(p.stats().workers).toBe(0);
  });

  it("ends an idle worker, starts another when needed, and draws on the main thread once closed", async () => {
    const p = pool({ idleMs: 100 });
    await p.xlsx(view(), { language: "vi" });
    expect(p.stats().workers).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(p.stats().workers).toBe(0);
    await p.xlsx(view(), { language: "vi" });
    expect(p.stats()).toMatchObject({ started: 2, rendered: 2 });
    await p.close();
    expect(p.stats().workers).toBe(0);
    expect((await p.xlsx(view(), { language: "vi" })).length).toBeGreaterThan(1000);
    expect(p.stats().rendered).toBe(2);
  });
});
