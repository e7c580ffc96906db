-- Exact enumerations for the tables of V44 (see V18).
ALTER TABLE support_preference_topics MODIFY topic VARCHAR(32) COLLATE utf8mb4_bin NOT NULL;
