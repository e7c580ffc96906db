-- Self-registration (issue 3, account life cycle): the e-mailed verification link of a self-registered
-- account is an account token like invitations and e-mail changes, with its own purpose.
ALTER TABLE account_tokens DROP CONSTRAINT ck_account_tokens_purpose;
ALTER TABLE account_tokens ADD CONSTRAINT ck_account_tokens_purpose
    CHECK (purpose IN ('INVITATION', 'EMAIL_CHANGE', 'REGISTRATION'));
