/**
 * The coordinating office's name, as every message that names it uses it: from the current plan's
 * `report:` section (office), else that plan's issuer, else ORG_NAME from the configuration. The
 * current plan is the one in force today, not the newest: next year's plan imported in December
 * does not rename the office before it starts.
 */
import type { Repositories } from "../repositories.js";
import { findCurrentPlan } from "./units.js";

/**
 * @example await resolveOrgName(repos, config.orgName, { now: clock.now(), timezone }) // "Sở Văn hóa, Thể thao và Du lịch"
 */
export async function resolveOrgName(
  repos: Repositories,
  fallback: string | undefined,
  at: { now: Date; timezone: string },
): Promise<string | undefined> {
  const current = (await findCurrentPlan(repos, at.now, at.timezone))?.plan;
  return current?.report.office || current?.issuer || fallback || undefined;
}
