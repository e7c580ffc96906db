-- Issue 14: when shared feedback became readable to its recipient and the SessionFeedbackRevealed event
-- was published (null: not yet). The conditional update that sets it decides between two instances, so
-- the event is published once. Feedback given before this column existed counts as revealed already,
-- so that nobody is told about old feedback.
ALTER TABLE session_feedback ADD revealed_at ${ts};
UPDATE session_feedback SET revealed_at = created_at;
CREATE INDEX ix_session_feedback_unrevealed ON session_feedback (revealed_at, visibility);
