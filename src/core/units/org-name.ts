/**
 * The coordinating office's name, as every message that names it uses it: from the newest plan's
 * `report:` section (office), else the plan's issuer, else ORG_NAME from the configuration.
 */
import type { Repositories } from "../repositories.js";

/**
 * @example await resolveOrgName(repos, config.orgName) // "Sở Văn hóa, Thể thao và Du lịch"
 */
export async function resolveOrgName(
  repos: Pick<Repositories, "plans">,
  fallback: string | undefined,
): Promise<string | undefined> {
  const plans = await repos.plans.list();
  const newest = plans.reduce<(typeof plans)[number] | undefined>((a, p) => (!a || p.id > a.id ? p : a), undefined);
  return newest?.report.office || newest?.issuer || fallback || undefined;
}
