import { Composer } from "../core/composer.js";
import { calendarFeature } from "./calendar.js";
import type { Feature, FeatureDeps } from "./deps.js";
import { editsFeature } from "./edits.js";
import { languageFeature } from "./language.js";
import { onboardingFeature, strangerGateFeature } from "./onboarding.js";
import { planDraftFeature } from "./plan-draft.js";
import { planImportFeature } from "./plan-import.js";
import { questionsFeature } from "./questions.js";
import { registrationFeature } from "./registration.js";
import { remindersFeature } from "./reminders.js";
import { reportsFeature } from "./reports.js";
import { rollupsFeature } from "./rollups.js";
import { sameAsBeforeFeature } from "./same-as-before.js";
import { tasksFeature } from "./tasks.js";
import { unhandledFeature } from "./unhandled.js";
import { unitsFeature } from "./units.js";
import { unsupportedContentFeature } from "./unsupported-content.js";
import { withdrawFeature } from "./withdraw.js";

/** Every feature, in the order it sees messages. The stranger gate comes after the open commands. */
export const FEATURES: Feature[] = [
  editsFeature,
  onboardingFeature,
  languageFeature,
  registrationFeature,
  strangerGateFeature,
  unitsFeature,
  tasksFeature,
  remindersFeature,
  calendarFeature,
  planImportFeature,
  planDraftFeature,
  rollupsFeature,
  withdrawFeature,
  sameAsBeforeFeature,
  reportsFeature,
  questionsFeature,
  unsupportedContentFeature,
  unhandledFeature,
];

/**
 * Installs the features in order into one composer.
 * @example const core = createBotCore(deps, createFeatures(deps));
 */
export function createFeatures(deps: FeatureDeps, features: Feature[] = FEATURES): Composer {
  const composer = new Composer();
  for (const feature of features) composer.use(feature(deps));
  return composer;
}
