-- Exact enumerations for the tables of V28 (see V18).
ALTER TABLE assignment_drafts MODIFY status VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
