/**
 * Shared start of every CLI: loads .env and the configuration, and gives a translator bound to
 * DEFAULT_LANGUAGE for the messages the CLI prints. A bad environment exits with code 1.
 */
import { ConfigError, loadConfig, loadDotEnv, type Config } from "../config.js";
import type { Translate } from "../core/types.js";
import { createTranslator, type Translator } from "../i18n.js";

export interface CliSetup {
  config: Config;
  translator: Translator;
  /** Messages in the configured default language. */
  t: Translate;
}

export function setupCli(): CliSetup {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const translator = createTranslator({ defaultLanguage: config.defaultLanguage });
  return { config, translator, t: translator.t(config.defaultLanguage) };
}
