-- Issue 20 part 4: sign-in with the organisation's account (OpenID Connect). One row per institution
-- that configured it. The client secret is never stored in plain text: either sealed with SecretBox
-- (client_secret_key_id + client_secret_sealed) or left empty and taken from the configuration
-- (mentorhub.identity.sso.client-secrets.inst-<institution id>). allowed_domains is a space-separated
-- list of lower-case e-mail domains. unknown_users is CREATE_INVITED or REFUSE.
CREATE TABLE institution_sso (
    institution_id          BIGINT PRIMARY KEY,
    enabled                 BOOLEAN DEFAULT FALSE NOT NULL,
    provider_name           VARCHAR(100) NOT NULL,
    issuer_uri              VARCHAR(500),
    authorization_uri       VARCHAR(500),
    token_uri               VARCHAR(500),
    jwk_set_uri             VARCHAR(500),
    user_info_uri           VARCHAR(500),
    client_id               VARCHAR(255) NOT NULL,
    client_secret_key_id    VARCHAR(64),
    client_secret_sealed    VARCHAR(2000),
    allowed_domains         VARCHAR(1000) NOT NULL,
    trust_issuer_email      BOOLEAN DEFAULT FALSE NOT NULL,
    unknown_users           VARCHAR(20) DEFAULT 'REFUSE' NOT NULL,
    password_sign_in        BOOLEAN DEFAULT TRUE NOT NULL,
    updated_at              ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_institution_sso_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE
);
