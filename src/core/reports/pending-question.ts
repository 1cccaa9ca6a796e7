/**
 * The "which task?" question: while it is open the report is not recorded, but its files are
 * already stored (as pending attachments) so nothing is lost whatever happens next. The answer,
 * or the next report from that chat, takes them; when the question expires, the officer is told
 * and the files are deleted (rows, and stored content no other row uses).
 */
import type { Translations } from "../bot.js";
import type { Clock, FileStore, Logger } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { truncate } from "../text-limits.js";
import type { Incoming } from "../types.js";
import { ATTACH_WINDOW_MS, type FileOutcome, type ReportDeps, storeFiles } from "./reports.js";

/** Conversation kind of the question. */
export const WHICH_TASK = "pick_task";
/** How long the question (and the files kept for it) waits for an answer. */
export const QUESTION_MINUTES = 30;

/** What the question remembers. */
export interface WhichTaskQuestion {
  text: string;
  /** Assignment ids, in the order they were offered (answer "1" = the first). */
  options: number[];
  /** Pending attachments kept for the report. */
  fileIds: number[];
  /** The report message, so the expiry notice can quote it. */
  messageId: string;
  /**
   * "task" (default): which task a report is for. "confirm": whether a message about the work is a
   * report at all (options: the tasks it may be for). "evidence": which of the unit's reports files
   * sent alone belong to (options: report ids; one more answer, "báo cáo mới", keeps them for the next report).
   * "update": whether the figures of a report file sent just after a report replace the report's
   * (options: that report's assignment; `text`: the file's text).
   */
  purpose?: "task" | "confirm" | "evidence" | "update";
}

type Who = Pick<Incoming, "channel" | "chatId" | "userId">;
const key = (w: Who) => [w.channel, w.chatId, w.userId] as const;

/** The open question of this sender in this chat, if any. */
export async function openQuestion(repos: Repositories, who: Who, now: Date): Promise<WhichTaskQuestion | null> {
  const c = await repos.conversations.get(...key(who), now);
  return c?.kind === WHICH_TASK ? (c.data as WhichTaskQuestion) : null;
}

/** Closes the question (answered, or the report went to a task another way). */
export async function closeQuestion(repos: Repositories, who: Who): Promise<void> {
  await repos.conversations.clear(...key(who));
}

/**
 * Opens a question (see {@link WhichTaskQuestion.purpose}): stores the message's files at once
 * (pending), keeps those sent just before and those of an earlier unanswered question, and
 * remembers the choices.
 * @example const { files, fileIds } = await askWhichTask(deps, incoming, { text, options: [12, 15] })
 */
export async function askWhichTask(
  deps: ReportDeps,
  incoming: Incoming,
  input: {
    text: string;
    options: number[];
    purpose?: WhichTaskQuestion["purpose"];
    unitId?: number;
    stored?: FileOutcome;
  },
): Promise<{ files: FileOutcome; fileIds: number[] }> {
  const now = deps.clock.now();
  const earlier = await openQuestion(deps.repos, incoming, now);
  // `stored`: the caller already stored this message's files (as pending).
  const files = input.stored ?? (await storeFiles(deps, incoming, null, input.unitId));
  const justBefore = await deps.repos.attachments.listPending(
    incoming.channel,
    incoming.chatId,
    new Date(now.getTime() - ATTACH_WINDOW_MS),
  );
  const fileIds = [...new Set([...(earlier?.fileIds ?? []), ...justBefore.map((a) => a.id), ...files.ids])];
  const question: WhichTaskQuestion = {
    text: input.text,
    options: input.options,
    fileIds,
    messageId: incoming.messageId,
    ...(input.purpose ? { purpose: input.purpose } : {}),
  };
  await deps.repos.conversations.set(...key(incoming), {
    kind: WHICH_TASK,
    data: question,
    expiresAt: new Date(now.getTime() + QUESTION_MINUTES * 60_000),
  });
  return { files, fileIds };
}

/**
 * Files sent while the question is open (the rest of an album, a photo sent a moment later) are
 * kept for it. Returns null when no question is open.
 * @example await keepFilesForQuestion(deps, incoming) // { files, fileIds: [4, 5, 6] }
 */
export async function keepFilesForQuestion(
  deps: ReportDeps,
  incoming: Incoming,
  unitId?: number,
): Promise<{ files: FileOutcome; fileIds: number[]; question: WhichTaskQuestion } | null> {
  const now = deps.clock.now();
  const c = await deps.repos.conversations.get(...key(incoming), now);
  if (c?.kind !== WHICH_TASK) return null;
  const question = c.data as WhichTaskQuestion;
  const files = await storeFiles(deps, incoming, null, unitId);
  question.fileIds = [...new Set([...question.fileIds, ...files.ids])];
  await deps.repos.conversations.set(...key(incoming), { ...c, data: question });
  return { files, fileIds: question.fileIds, question };
}

/**
 * "Báo cáo mới" chosen for files sent alone: the question stays open with no choices, so the
 * report this sender sends next (before it expires) takes the files.
 */
export async function keepFilesForNextReport(repos: Repositories, who: Who, now: Date): Promise<void> {
  const c = await repos.conversations.get(...key(who), now);
  if (c?.kind === WHICH_TASK)
    await repos.conversations.set(...key(who), { ...c, data: { ...(c.data as WhichTaskQuestion), options: [] } });
}

export interface QuestionExpiryDeps {
  repos: Repositories;
  clock: Clock;
  files: FileStore;
  translations: Translations;
  defaultLanguage: string;
  logger?: Logger;
}

/**
 * Ends expired questions: queues the notice "the report and its N files were not recorded"
 * (a reply to the report, in the officer's language; once, by dedupe key), deletes the files kept
 * for it and their stored content when nothing else uses it, then forgets the question.
 * Safe to rerun after a crash at any step.
 * @example await expireQuestions(deps) // → 1
 */
export async function expireQuestions(deps: QuestionExpiryDeps): Promise<number> {
  const now = deps.clock.now();
  const expired = await deps.repos.conversations.listExpired(WHICH_TASK, now);
  for (const c of expired) {
    const question = c.data as WhichTaskQuestion;
    const pending = await deps.repos.attachments.listPending(c.channel, c.chatId, new Date(0));
    const kept = pending.filter((a) => question.fileIds.includes(a.id));
    const photos = kept.filter((a) => a.kind === "photo").length;
    const person = await deps.repos.people.find(c.channel, c.userId);
    const t = deps.translations.t(person?.language ?? deps.defaultLanguage);
    // The example names the first task the question offered (evidence questions offer reports).
    const offered =
      question.purpose === "evidence" || !question.options[0]
        ? null
        : await deps.repos.assignments.findView(question.options[0]);
    await deps.repos.outbox.enqueue({
      dedupeKey: `question-expired:${c.channel}:${c.chatId}:${c.userId}:${c.expiresAt.getTime()}`,
      channel: c.channel,
      chatId: c.chatId,
      kind: "question_expired",
      message: {
        type: "text",
        text: t("reports:question_expired", {
          excerpt: truncate(question.text.replace(/\s+/g, " ").trim(), 80),
          photos,
          documents: kept.length - photos,
          minutes: QUESTION_MINUTES,
          id: offered?.task.id ?? "",
          context: question.purpose === "evidence" || question.purpose === "update" ? question.purpose : undefined,
        }),
        replyToMessageId: question.messageId,
      },
      notBefore: now,
    });
    await deleteFiles(
      deps,
      kept.map((a) => a.id),
    );
    await deps.repos.conversations.clear(c.channel, c.chatId, c.userId);
  }
  return expired.length;
}

/** Deletes pending rows, then each stored content no row refers to any more. */
async function deleteFiles(deps: Pick<QuestionExpiryDeps, "repos" | "files">, attachmentIds: number[]): Promise<void> {
  if (!attachmentIds.length) return;
  await removeUnreferencedContent(deps, await deps.repos.attachments.removePending(attachmentIds));
}

/**
 * Deletes each stored content of `hashes` that no attachment row refers to any more (rows already deleted).
 * @example await removeUnreferencedContent(deps, await repos.reports.withdraw(reportId))
 */
export async function removeUnreferencedContent(
  deps: Pick<QuestionExpiryDeps, "repos" | "files">,
  hashes: readonly string[],
): Promise<void> {
  for (const sha256 of new Set(hashes))
    await deps.files.remove(sha256, async () => !(await deps.repos.attachments.isReferenced(sha256)));
}

/** When the next question expires (for the scheduler). */
export function nextQuestionExpiry(repos: Repositories): Promise<Date | null> {
  return repos.conversations.nextExpiry(WHICH_TASK);
}

/** The planner the scheduler runs: expired questions are answered at their expiry time. */
export function createQuestionExpiryPlanner(deps: QuestionExpiryDeps): {
  name: string;
  enqueueDue(): Promise<number>;
  nextAt(): Promise<Date | null>;
} {
  return { name: "questions", enqueueDue: () => expireQuestions(deps), nextAt: () => nextQuestionExpiry(deps.repos) };
}
