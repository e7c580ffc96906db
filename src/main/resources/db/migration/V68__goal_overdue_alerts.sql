-- Issue 15: the goal module's overdue alerts (GoalAtRisk events for goals past their target date and
-- not completed): one row per goal and target date. The row is inserted (and committed, with the
-- event's publication) before anyone is told; the unique key makes a second run or a second instance
-- fail, so a goal is reported at most once per target date, and a postponed goal can be reported again.
CREATE TABLE goal_overdue_alerts (
    id           ${id} PRIMARY KEY,
    goal_id      BIGINT NOT NULL,
    target_date  DATE NOT NULL,
    sent_at      ${ts} NOT NULL,
    CONSTRAINT uq_goal_overdue_alerts UNIQUE (goal_id, target_date),
    CONSTRAINT fk_goal_overdue_alerts_goal FOREIGN KEY (goal_id) REFERENCES goals (id) ON DELETE CASCADE
);

-- The overdue job looks for open goals by target date; the session page lists a pair's goals.
CREATE INDEX ix_goals_target_date ON goals (target_date);
CREATE INDEX ix_goals_mentorship ON goals (mentorship_id);
