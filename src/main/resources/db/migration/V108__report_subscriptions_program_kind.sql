-- Issue 21: a subscription to the program dashboard may be narrowed to one kind of program, as the page is with
-- kind=student|professional|new-mother (report.program.ProgramKind, stored by its name). NULL: every kind, as
-- before. The same owner, scope, frequency and kind is one subscription (checked by the service: department_id
-- and program_kind may be NULL, which a portable unique constraint cannot cover).

ALTER TABLE report_subscriptions ADD COLUMN program_kind VARCHAR(16);
ALTER TABLE report_subscriptions ADD CONSTRAINT ck_report_subscriptions_program_kind
    CHECK (program_kind IS NULL OR program_kind IN ('STUDENT', 'PROFESSIONAL', 'NEW_MOTHER'));
