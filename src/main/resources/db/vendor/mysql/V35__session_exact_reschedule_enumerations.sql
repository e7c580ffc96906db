-- Exact enumerations for the column of V34 (see V18).
ALTER TABLE mentoring_sessions MODIFY rescheduled_from VARCHAR(16) COLLATE utf8mb4_bin NULL;
