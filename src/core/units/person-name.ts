/**
 * Vietnamese name order. Telegram has first_name and last_name; a Vietnamese user may put the
 * family name in either. The full name is written family name first ("Lê Văn Tuấn").
 */
import { searchKey } from "../reports/text-key.js";

/** Common Vietnamese family names, compared without diacritics ("Nguyen" = "Nguyễn"). */
const FAMILY_NAMES = new Set(
  [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Đào",
    "Đoàn",
    "Trương",
    "Lương",
    "Mai",
    "Trịnh",
    "Cao",
    "Lâm",
    "Hà",
    "Tô",
    "Tạ",
    "Chu",
    "Lưu",
    "Quách",
    "Thái",
    "Kiều",
    "Triệu",
    "Vương",
    "Phùng",
    "Khổng",
    "Lã",
    "Mạc",
    "Nông",
    "Lò",
    "Hứa",
    "Châu",
    "Từ",
    "Tăng",
    "Âu",
    "Giang",
    "Diệp",
    "Thân",
    "Tôn",
    "Doãn",
    "Nghiêm",
    "Khúc",
    "Bạch",
    "Hầu",
    "Ông",
    "Quan",
    "Lục",
    "Sầm",
    "Lại",
    "Viên",
    "Kha",
  ].map((name) => searchKey(name)),
);

const startsWithFamilyName = (text: string): boolean => FAMILY_NAMES.has(searchKey(text.trim().split(/\s+/)[0] ?? ""));

/**
 * The full name from Telegram's two fields, family name first:
 * - the last name starts with a family name and the first name is a given name (not a family
 *   name, or a single word like "Mai") → last + first ("Tuấn" + "Lê Văn" → "Lê Văn Tuấn");
 * - otherwise the first name is kept first ("Lê Văn" + "Tuấn", "Hoa" + "Phòng VHTT"), since a
 *   user who wrote it that way already chose the order, and a non-name is not reordered.
 * @example vietnameseFullName("Tuấn", "Lê Văn") // "Lê Văn Tuấn"
 * @example vietnameseFullName("Lê Văn", "Tuấn") // "Lê Văn Tuấn"
 */
export function vietnameseFullName(first: string | undefined, last: string | undefined): string {
  const f = (first ?? "").normalize("NFC").trim();
  const l = (last ?? "").normalize("NFC").trim();
  if (!f || !l) return f || l;
  // A one-word first name is a given name even when it is also a family name ("Mai", "Hà").
  const firstIsGiven = !startsWithFamilyName(f) || !/\s/.test(f);
  return startsWithFamilyName(l) && firstIsGiven ? `${l} ${f}` : `${f} ${l}`;
}
