-- The exemptions and licences an agency relies on (a UN committee's exemption, an OFAC general or specific
-- licence, an EU member state's derogation, an OFSI licence): what they cover is kept as JSON in `body` (regimes,
-- entities, counterparties, purpose, amount limit, document); validity and revocation as columns, to query.
CREATE TABLE exemption (
    id            VARCHAR(40)     NOT NULL PRIMARY KEY,
    agency_id     VARCHAR(64)     NOT NULL,
    reference     VARCHAR(200)    NOT NULL,
    issuer        VARCHAR(200)    NOT NULL,
    valid_from    DATE            NOT NULL,
    valid_to      DATE,
    sharing       VARCHAR(4000)   NOT NULL,
    body          VARCHAR(100000) NOT NULL,
    created_by    VARCHAR(32)     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_by    VARCHAR(32),
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(4000),
    CONSTRAINT exemption_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT exemption_reference UNIQUE (agency_id, reference)
);
