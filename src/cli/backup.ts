/**
 * Online backup of the database and evidence files, safe while the bot runs:
 *   npm run backup -- --out DIR [--keep N]
 * DIR defaults to BACKUP_DIR; N (snapshots kept) to BACKUP_KEEP. Exit 0 done, 1 failed, 2 bad arguments.
 */
import { sqlitePath } from "../db/database.js";
import { BackupError, createBackup } from "../storage/backup.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "backup",
  synopsis: "--out DIR [--keep N]",
  help: "cli:help_backup",
  options: { out: { type: "string" }, keep: { type: "string" } },
});
const { config, t, values } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}
const out = values.out ?? config.backup.dir;
if (!out) fail(t("cli:backup_needs_out"));
const keep = values.keep === undefined ? config.backup.keep : Number(values.keep);
if (!Number.isInteger(keep) || keep < 1) fail(t("cli:backup_bad_keep", { value: values.keep }));
try {
  const result = await createBackup({
    databaseFile: sqlitePath(config.databaseUrl),
    dataDir: config.dataDir,
    outDir: out,
    keep,
  });
  console.log(
    t("cli:backup_done", {
      dir: result.snapshotDir,
      mb: (result.manifest.database.bytes / 1048576).toFixed(1),
      copied: result.filesCopied,
      reused: result.filesReused,
      removed: result.removed.length,
    }),
  );
  if (result.manifest.missingFiles.length)
    console.error(t("cli:backup_missing_files", { count: result.manifest.missingFiles.length }));
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(t(error.code === "not_found" ? "cli:backup_not_found" : "cli:backup_corrupt", { file: error.detail }));
  process.exit(1);
}
