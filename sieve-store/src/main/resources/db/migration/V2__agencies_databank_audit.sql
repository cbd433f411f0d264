-- Member agencies and their API keys (stored only as SHA-256 hashes of the random key).
CREATE TABLE agency (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_key (
    id         VARCHAR(32) NOT NULL PRIMARY KEY,
    key_hash   CHAR(64)    NOT NULL,
    agency_id  VARCHAR(64) NOT NULL,
    role       VARCHAR(20) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_hash UNIQUE (key_hash),
    CONSTRAINT api_key_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);

-- Contributed entries: the current state of each (screened when not delisted)...
CREATE TABLE databank_entry (
    id         VARCHAR(300)     NOT NULL PRIMARY KEY,
    agency_id  VARCHAR(64)      NOT NULL,
    seq        INTEGER          NOT NULL,
    version    INTEGER          NOT NULL,
    delisted   BOOLEAN          NOT NULL,
    sharing    VARCHAR(4000)    NOT NULL,
    reason     VARCHAR(4000)    NOT NULL,
    caption    VARCHAR(2000)    NOT NULL,
    body       VARCHAR(1000000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT databank_entry_agency_seq UNIQUE (agency_id, seq),
    CONSTRAINT databank_entry_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);

-- ...and every version of it, never rewritten: the entry's history.
CREATE TABLE databank_entry_version (
    entry_id   VARCHAR(300)     NOT NULL,
    version    INTEGER          NOT NULL,
    action     VARCHAR(20)      NOT NULL,
    delisted   BOOLEAN          NOT NULL,
    sharing    VARCHAR(4000)    NOT NULL,
    reason     VARCHAR(4000)    NOT NULL,
    body       VARCHAR(1000000) NOT NULL,
    changed_by VARCHAR(32)      NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT databank_entry_version_pk PRIMARY KEY (entry_id, version),
    CONSTRAINT databank_entry_version_entry FOREIGN KEY (entry_id) REFERENCES databank_entry (id)
);

-- The audit trail: append-only, each event carrying the hash of the one before it.
CREATE TABLE audit_event (
    seq       BIGINT           NOT NULL PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    agency_id VARCHAR(64),
    key_id    VARCHAR(32),
    action    VARCHAR(40)      NOT NULL,
    target    VARCHAR(300),
    detail    VARCHAR(1000000) NOT NULL,
    prev_hash CHAR(64)         NOT NULL,
    hash      CHAR(64)         NOT NULL
);
CREATE INDEX audit_event_agency ON audit_event (agency_id, seq);

-- The chain's head, locked by every append so that appends are serial even across processes.
CREATE TABLE audit_head (
    id   INTEGER  NOT NULL PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
