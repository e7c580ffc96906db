-- Issue 14: the action item reminders the session module published (ActionItemDue events): one row per
-- item, kind and due date. The row is inserted (and committed, with the event's publication) before
-- anyone is told, and the unique key makes a second run or a second instance fail: an item is
-- reminded at most once per kind and due date, and a postponed item (new due date) is reminded again.
CREATE TABLE action_item_reminders (
    id              ${id} PRIMARY KEY,
    action_item_id  BIGINT NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    due_date        ${ts} NOT NULL,
    sent_at         ${ts} NOT NULL,
    CONSTRAINT uq_action_item_reminders UNIQUE (action_item_id, kind, due_date),
    CONSTRAINT fk_action_item_reminders_item FOREIGN KEY (action_item_id) REFERENCES action_items (id) ON DELETE CASCADE,
    CONSTRAINT ck_action_item_reminders_kind CHECK (kind IN ('DUE_SOON', 'OVERDUE'))
);

-- The reminder job looks for open items by due date.
CREATE INDEX ix_action_items_due ON action_items (due_date);
