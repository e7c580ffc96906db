-- Issue 21 part 3: scheduled e-mails of the program dashboard. An administrator (their institution, or
-- one department of it) or a coordinator (their own department) subscribes to a WEEKLY or MONTHLY
-- e-mail. The job (once per cluster) sends each due row and advances next_run_at in the same
-- transaction, only if next_run_at is still the value it read, so that no row is sent twice. active
-- is cleared when the owner may no longer see the scope (role or department changed, account locked).

CREATE TABLE report_subscriptions (
    id              ${id} PRIMARY KEY,
    owner_id        BIGINT NOT NULL,
    institution_id  BIGINT NOT NULL,
    department_id   BIGINT,
    frequency       VARCHAR(16) NOT NULL,
    next_run_at     ${ts} NOT NULL,
    last_sent_at    ${ts},
    active          BOOLEAN DEFAULT TRUE NOT NULL,
    created_at      ${ts} NOT NULL,
    CONSTRAINT fk_report_subscriptions_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_subscriptions_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_subscriptions_department FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE CASCADE,
    CONSTRAINT ck_report_subscriptions_frequency CHECK (frequency IN ('WEEKLY', 'MONTHLY'))
);
CREATE INDEX ix_report_subscriptions_due ON report_subscriptions (active, next_run_at);
CREATE INDEX ix_report_subscriptions_owner ON report_subscriptions (owner_id);
