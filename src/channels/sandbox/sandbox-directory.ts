import type { UnitRecord } from "../../core/ports.js";
import type { Translate } from "../../core/types.js";

/** Who the sandbox user can type as. Roles live in the database, as for real chats. */
export interface SandboxPerson {
  userId: string;
  name: string;
  username: string;
  /** What the sample made of this person; the database may say otherwise later (/quyen). */
  sample: "admin" | "leader" | "officer" | "stranger";
  unitCode?: string;
}

/** A chat in the sandbox's list. Group ids are negative and private ids are the user's, as on Telegram. */
export interface SandboxChat {
  chatId: string;
  type: "group" | "private";
  title: string;
  sample: "rollup" | "unit" | "new_group" | "private";
  unitCode?: string;
  /** Private chats: the only person who can write there. */
  ownerId?: string;
}

export interface SandboxDirectory {
  people: SandboxPerson[];
  chats: SandboxChat[];
}

// Sample names (data, not interface text): family and given names combined without repeats.
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Ngô", "Đặng"];
const GIVEN = [
  "Thị Lan",
  "Văn Hùng",
  "Thị Mai",
  "Văn Nam",
  "Thị Hằng",
  "Đức Thắng",
  "Thị Thu",
  "Văn Long",
  "Thị Hương",
  "Quang Huy",
  "Thị Ngọc",
  "Minh Tuấn",
];

export const SANDBOX_ADMIN_ID = "1001";
const LEADER_ID = "1002";
const STRANGER_ID = "1003";
export const ROLLUP_CHAT_ID = "-1000";
const NEW_GROUP_CHAT_ID = "-1999";

/**
 * The sample people and chats for a plan's units: an admin (the lead office's staff), a leader, a
 * stranger, one officer and one group per unit, the rollup group, one not yet registered group
 * (to try /dangky) and everyone's private chat with the bot. The same units always give the same ids.
 * @example sampleDirectory(await repos.units.list(), t).chats[0].title // "Nhóm tổng hợp — Phòng Văn hóa và Thông tin"
 */
export function sampleDirectory(units: Pick<UnitRecord, "code" | "name" | "kind">[], t: Translate): SandboxDirectory {
  const lead = units.find((u) => u.kind === "lead");
  const people: SandboxPerson[] = [
    {
      userId: SANDBOX_ADMIN_ID,
      name: "Nguyễn Thị Hoa",
      username: "hoa_quantri",
      sample: "admin",
      unitCode: lead?.code,
    },
    { userId: LEADER_ID, name: "Lê Văn Minh", username: "minh_lanhdao", sample: "leader" },
    ...units.map(
      (u, i): SandboxPerson => ({
        userId: String(2001 + i),
        name: `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`,
        username: `canbo_${u.code.toLowerCase()}`,
        sample: "officer",
        unitCode: u.code,
      }),
    ),
    { userId: STRANGER_ID, name: "Trần Văn Khách", username: "khach", sample: "stranger" },
  ];
  const chats: SandboxChat[] = [
    {
      chatId: ROLLUP_CHAT_ID,
      type: "group",
      title: t("sandbox:rollup_group", { office: lead?.name ?? "" }).trim(),
      sample: "rollup",
    },
    ...units.map(
      (u, i): SandboxChat => ({
        chatId: String(-1001 - i),
        type: "group",
        title: t("sandbox:unit_group", { unit: u.name }),
        sample: "unit",
        unitCode: u.code,
      }),
    ),
    { chatId: NEW_GROUP_CHAT_ID, type: "group", title: t("sandbox:new_group"), sample: "new_group" },
    ...people.map(
      (p): SandboxChat => ({ chatId: p.userId, type: "private", title: p.name, sample: "private", ownerId: p.userId }),
    ),
  ];
  return { people, chats };
}
