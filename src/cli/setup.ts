/**
 * Shared start of every CLI (and of the bot): loads .env and the configuration, and gives a
 * translator bound to DEFAULT_LANGUAGE. With a command spec it also reads the arguments:
 * `--help` prints the usage and exits 0; a bad option, or `fail(…)`, prints the reason and the
 * usage and exits 2; a bad environment exits 1 with a Vietnamese and an English line; any other
 * error prints one line (never a stack trace) and exits 1.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Config, ConfigError, loadConfig, loadDotEnv } from "../config.js";
import type { Translate } from "../core/types.js";
import { createTranslator, type Translator } from "../i18n.js";

export interface CliSetup {
  config: Config;
  translator: Translator;
  /** Messages in the configured default language. */
  t: Translate;
}

/** What a command-line tool accepts. */
export interface CliSpec<O extends NonNullable<ParseArgsConfig["options"]>> {
  /** The npm script, e.g. "calendar" (shown as `npm run -s calendar -- …`). */
  script: string;
  /** Arguments after `--`, e.g. "YEAR [--plan FILE]". */
  synopsis: string;
  /** Locale key of the help text: what the tool does, each option, an example. */
  help: string;
  options: O;
  allowPositionals?: boolean;
}

export interface CliRun<O extends NonNullable<ParseArgsConfig["options"]>> extends CliSetup {
  values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
  positionals: string[];
  /** Prints the reason and the usage, exits 2. */
  fail(message: string): never;
}

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function loadOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_FAILED);
    }
    throw error;
  }
}

/** Loads the configuration (the bot, and CLIs without arguments of their own). */
export function setupCli(): CliSetup;
/** Loads the configuration and reads the tool's arguments by `spec`. */
export function setupCli<O extends NonNullable<ParseArgsConfig["options"]>>(
  spec: CliSpec<O>,
  argv?: string[],
): CliRun<O>;
export function setupCli<O extends NonNullable<ParseArgsConfig["options"]>>(
  spec?: CliSpec<O>,
  argv = process.argv.slice(2),
): CliSetup | CliRun<O> {
  loadDotEnv();
  if (!spec) {
    const config = loadOrExit();
    const translator = createTranslator({ defaultLanguage: config.defaultLanguage });
    return { config, translator, t: translator.t(config.defaultLanguage) };
  }
  if (argv.includes("--help") || argv.includes("-h")) {
    // Help works even before the environment is right: that is when people ask for it.
    let language = "vi";
    try {
      language = loadConfig().defaultLanguage;
    } catch {
      // A bad environment is reported when the tool runs, not here.
    }
    const t = createTranslator({ defaultLanguage: language }).t(language);
    console.log(`${usageLine(spec, t)}\n\n${t(spec.help)}`);
    process.exit(0);
  }
  const config = loadOrExit();
  const translator = createTranslator({ defaultLanguage: config.defaultLanguage });
  const t = translator.t(config.defaultLanguage);
  const fail = (message: string): never => {
    console.error(`${message}\n${usageLine(spec, t)}\n${t("cli:more_help", { script: spec.script })}`);
    process.exit(EXIT_USAGE);
  };
  // The tools are short-lived: an unexpected error ends them with its message, not a stack trace.
  const stop = (error: unknown) => {
    console.error(t("cli:unexpected", { message: error instanceof Error ? error.message : String(error) }));
    process.exit(EXIT_FAILED);
  };
  process.on("uncaughtException", stop);
  process.on("unhandledRejection", stop);
  let parsed: { values: CliRun<O>["values"]; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: spec.options,
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    return fail(argumentProblem(error as Error & { code?: string }, t));
  }
  return { config, translator, t, values: parsed.values, positionals: parsed.positionals, fail };
}

/** node:util's parseArgs speaks English: its three usual complaints, in the user's language. */
function argumentProblem(error: Error & { code?: string }, t: Translate): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return t("cli:unknown_option", { option: quoted });
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return t("cli:unexpected_argument", { argument: quoted });
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return t("cli:option_value", { option: /(--[\w-]+)/.exec(error.message)?.[1] ?? "" });
  return t("cli:bad_arguments", { message: error.message });
}

function usageLine(spec: CliSpec<NonNullable<ParseArgsConfig["options"]>>, t: Translate): string {
  return t("cli:usage", { usage: `npm run -s ${spec.script} -- ${spec.synopsis}` });
}
