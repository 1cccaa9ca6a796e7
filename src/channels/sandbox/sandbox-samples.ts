/** The sandbox's sample plans: which plan file, and the day its sandbox clock starts on. */
import { fileURLToPath } from "node:url";

const plan = (file: string) => fileURLToPath(new URL(`../../../plans/${file}`, import.meta.url));

/**
 * The samples the page offers, the first by default: today's two levels (a province's Sở VHTTDL
 * with its communes and wards, 2026), and the seed's 2021 district plan. Each starts on its own
 * day, the week before its first reminders, with its own units, officers and groups.
 */
export const SANDBOX_SAMPLES = [
  { id: "so-2026", planFile: plan("so-vhttdl-2026.yaml"), start: { date: "2026-02-02", time: "08:00" } },
  { id: "huyen-2021", planFile: plan("thach-thanh-cchc-2021.yaml"), start: { date: "2021-01-25", time: "08:00" } },
] as const;
export type SandboxSampleId = (typeof SANDBOX_SAMPLES)[number]["id"];
const DEFAULT_SAMPLE: SandboxSampleId = "so-2026";

/**
 * The sample named `id`, or the default one (an unknown or missing id).
 * @example sandboxSample("huyen-2021").start // { date: "2021-01-25", time: "08:00" }
 */
export function sandboxSample(id?: string) {
  return SANDBOX_SAMPLES.find((s) => s.id === id) ?? SANDBOX_SAMPLES.find((s) => s.id === DEFAULT_SAMPLE)!;
}
