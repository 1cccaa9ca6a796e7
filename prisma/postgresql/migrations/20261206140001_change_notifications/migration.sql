-- PostgreSQL only (no SQLite counterpart: one process owns a SQLite file). Every statement that
-- changes a row some process keeps in a cache notifies 'dondoc_changes' with the table's name;
-- each instance LISTENs and forgets that table's cached rows (src/db/postgres-changes.ts).
-- Notifications are sent at commit, once per table and transaction.
CREATE OR REPLACE FUNCTION "dondoc_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dondoc_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Person_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "ChatBinding_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ChatBinding"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Conversation_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Conversation"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Unit_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Task_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Task"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Indicator_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Indicator"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
CREATE TRIGGER "Plan_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Plan"
  FOR EACH STATEMENT EXECUTE FUNCTION "dondoc_notify_change"();
