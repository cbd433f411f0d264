-- Asynchronous screening jobs over customer files: the file, progress, and each row's result, written
-- chunk by chunk in transactions so that a job that dies resumes after its last committed row.
CREATE TABLE job (
    id         VARCHAR(40)   NOT NULL PRIMARY KEY,
    agency_id  VARCHAR(64)   NOT NULL,
    key_id     VARCHAR(32)   NOT NULL,
    file_name  VARCHAR(300)  NOT NULL,
    column_map VARCHAR(4000) NOT NULL,
    status     VARCHAR(20)   NOT NULL,
    rows_done  BIGINT        NOT NULL,
    problems   BIGINT        NOT NULL,
    alerts     BIGINT        NOT NULL,
    error      VARCHAR(4000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE job_input (
    job_id   VARCHAR(40)      NOT NULL,
    chunk_no INTEGER          NOT NULL,
    body     VARCHAR(1000000) NOT NULL,
    CONSTRAINT job_input_pk PRIMARY KEY (job_id, chunk_no)
);

CREATE TABLE job_result (
    job_id VARCHAR(40)      NOT NULL,
    row_no BIGINT           NOT NULL,
    body   VARCHAR(1000000) NOT NULL,
    CONSTRAINT job_result_pk PRIMARY KEY (job_id, row_no)
);
