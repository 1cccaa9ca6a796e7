/**
 * Escapes text for `parse_mode: "html"`: user-written names and titles inside formatted messages
 * must not be read as markup.
 * @example `<b>${escapeHtml(title)}</b>` // "<b>Báo cáo &lt;quý I&gt; &amp; năm</b>"
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
