-- Files of goal updates (issue 15, part 3): a goal update's attachments are rows with related_type
-- GOAL_UPDATE and related_id = the update. No vendor migration re-declares this constraint (MariaDB's
-- and MySQL's V18 only change the column's collation), so one migration serves every database.
ALTER TABLE attachments DROP CONSTRAINT ck_attachments_related_type;
ALTER TABLE attachments ADD CONSTRAINT ck_attachments_related_type
    CHECK (related_type IN ('SESSION', 'FEEDBACK', 'GOAL', 'GOAL_UPDATE', 'MENTORSHIP', 'RESOURCE', 'ISSUE', 'AVATAR'));
