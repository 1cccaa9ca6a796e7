/**
 * Restores a backup into a DATA_DIR that has no database yet (never over a live one):
 *   npm run restore -- DIR
 * DIR is a backup folder (its newest snapshot is used) or one snapshot folder inside it.
 * Exit 0 done, 1 refused or failed, 2 bad arguments.
 */
import { sqlitePath } from "../db/database.js";
import { BackupError, restoreBackup } from "../storage/backup.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "restore",
  synopsis: "BACKUP_DIR",
  help: "cli:help_restore",
  options: {},
  allowPositionals: true,
});
const { config, t, positionals } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}
if (positionals.length !== 1) fail(t("cli:restore_one_dir"));
const from = positionals[0];
try {
  const result = restoreBackup({ from, dataDir: config.dataDir, databaseFile: sqlitePath(config.databaseUrl) });
  const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
  console.log(
    t("cli:restore_done", { snapshot: result.snapshotDir, file: result.databaseFile, files: result.files, rows }),
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  const key = {
    live_target: "cli:restore_live",
    no_snapshot: "cli:restore_no_snapshot",
    corrupt: "cli:backup_corrupt",
    not_found: "cli:restore_no_snapshot",
  }[error.code];
  console.error(t(key, { file: error.detail, dir: error.detail }));
  process.exit(1);
}
