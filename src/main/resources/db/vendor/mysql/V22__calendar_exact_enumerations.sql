-- Exact enumerations for the tables of V21 (see V18).
ALTER TABLE calendar_invitations MODIFY method VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE session_reminders MODIFY kind VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
