import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { classifyMessage } from "../../src/core/reports/message-kind.js";
import { questionTopic } from "../../src/core/reports/questions.js";

/**
 * Officers' messages of every kind (reports, questions, acknowledgements, their own talk), written by
 * two writers who never saw the classifier, each labelled as the office would take it. These are the
 * development parts; the held-out parts are kept outside and only scored.
 */
interface Intent {
  text: string;
  kind: "report" | "question" | "chatter" | "other";
  topic?: "deadline" | "how_to_report" | "status" | "other";
}

const read = (file: string): Intent[] =>
  readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const kind = (text: string) => classifyMessage(text, SAMPLE_INDICATORS);
/** What the bot answers: the open tasks (with what the unit has reported) for status and other questions. */
const ANSWER = { deadline: "deadline", how_to_report: "how_to_report", status: "open_tasks", other: "open_tasks" };

// floors: questions answered on their topic, and messages left alone, of each part now
describe.each([
  { file: "officer-intents.jsonl", answered: 46, unanswered: 0, quiet: 49, recorded: 1 },
  { file: "officer-intents-2.jsonl", answered: 44, unanswered: 1, quiet: 47, recorded: 1 },
  { file: "officer-intents-3.jsonl", answered: 47, unanswered: 0, quiet: 49, recorded: 0 },
  // part 4 (senders mostly in the South and the Central Highlands, village heads, voice typing): 29 answered,
  // 14 left silent, 46 quiet before its round
  { file: "officer-intents-4.jsonl", answered: 50, unanswered: 0, quiet: 49, recorded: 0 },
])(
  "officer intents, $file: every message taken as the office would",
  ({ file, answered, unanswered, quiet, recorded }) => {
    const intents = read(file);
    const of = (k: Intent["kind"]) => intents.filter((i) => i.kind === k);

    // a report is recorded, or asked about ("… là báo cáo nhiệm vụ #2?"): never answered as a question or left alone
    it.each(of("report").map((i) => i.text))("report: %s", (text) =>
      expect(["report", "unsure"]).toContain(kind(text)),
    );

    it(`answers the questions, each on what it asks (${answered} of ${of("question").length} now)`, () => {
      const questions = of("question");
      const right = questions.filter((q) => kind(q.text) === "question" && questionTopic(q.text) === ANSWER[q.topic!]);
      expect(right.length).toBeGreaterThanOrEqual(answered);
      expect(questions.filter((q) => ["chatter", "other"].includes(kind(q.text))).length).toBeLessThanOrEqual(
        unanswered,
      );
    });

    it(`leaves acknowledgements and the officers' own talk without a reply (${quiet} now)`, () => {
      const talk = [...of("chatter"), ...of("other")];
      expect(talk.filter((t) => ["chatter", "other"].includes(kind(t.text))).length).toBeGreaterThanOrEqual(quiet);
      // none is recorded as a report (at most `recorded` now)
      expect(talk.filter((t) => kind(t.text) === "report").length).toBeLessThanOrEqual(recorded);
    });
  },
);

/** Whether the bot takes a message as the office would: the score of the held-out parts. */
const takenRight = (i: Intent) => {
  const k = kind(i.text);
  if (i.kind === "report") return ["report", "unsure"].includes(k);
  if (i.kind === "question") return k === "question" && questionTopic(i.text) === ANSWER[i.topic!];
  return ["chatter", "other"].includes(k);
};

// Held-out parts (written with the development parts, never tuned against; only scored). The first two
// parts' held-out halves were kept outside the repository and lost with the machine they were on.
describe.each([
  // 54/61 until questions on why reminders go on ("sao e bc rồi mà vẫn bị nhắc vậy a") were read, 55 since
  { file: "officer-intents-3-heldout.jsonl", floor: 55 },
  // 52/59 with the classifier before any work on part 4, 53 after its round
  { file: "officer-intents-4-heldout.jsonl", floor: 53 },
])("officer intents, $file (held-out)", ({ file, floor }) => {
  it(`takes at least ${floor} messages as the office would`, () => {
    const intents = read(file);
    const right = intents.filter(takenRight).length;
    console.log(`${file}: ${right}/${intents.length} taken as the office would`);
    expect(right).toBeGreaterThanOrEqual(floor);
  });
});
