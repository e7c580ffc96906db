-- A mentee's ranked choices (issue 5): the first choice is a REQUESTED mentorship at once; the
-- others wait here, in order, until the one asked declines or does not answer in time.

CREATE TABLE mentorship_request_choices (
    id               ${id} PRIMARY KEY,
    institution_id   BIGINT NOT NULL,
    mentee_id        BIGINT NOT NULL,
    mentor_id        BIGINT NOT NULL,
    preference_rank  INTEGER NOT NULL,
    goal             ${text} NOT NULL,
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_mentorship_choices_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_mentorship_choices_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_mentorship_choices_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT uq_mentorship_choices_rank UNIQUE (mentee_id, preference_rank),
    CONSTRAINT ck_mentorship_choices_rank CHECK (preference_rank BETWEEN 2 AND 3)
);
