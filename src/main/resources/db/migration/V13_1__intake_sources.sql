-- intake from where feedback lives: signed webhooks, survey-tool updates, CSV imports

-- A response imported as history is kept for reports and the customer's history; it opened no case.
alter table feedback_response add column history boolean default false not null;
-- When the survey tool last changed the response (Delighted's updated_at): an older update never wins.
alter table feedback_response add column source_updated_at ${instant};

-- What a response said before a survey tool changed it, for the case's timeline.
create table response_revision (
    id             char(36)      not null primary key,
    response_id    char(36)      not null,
    revised_at     ${instant}    not null,
    score_before   int           not null,
    score_after    int           not null,
    comment_before varchar(4000),
    comment_after  varchar(4000),
    constraint fk_revision_response foreign key (response_id) references feedback_response (id)
);
create index ix_revision_response on response_revision (response_id, revised_at);

-- Signing secrets per webhook source; more than one while a secret is rotated. Read on every delivery, so a
-- change takes effect at once on every node.
create table webhook_secret (
    id       char(36)     not null primary key,
    source   varchar(80)  not null,
    secret   varchar(200) not null,
    added_at ${instant}   not null,
    added_by varchar(64)  not null,
    constraint uk_webhook_secret unique (source, secret)
);

-- Deliveries already taken, by the sender's id (webhook-id, Delighted's event_id): a replay is refused and a
-- retry answered with what the first delivery did, on whichever node it lands. Kept for a while, then deleted.
create table webhook_delivery (
    source      varchar(80)  not null,
    delivery_id varchar(200) not null,
    sent_at     ${instant},
    received_at ${instant}   not null,
    response_id char(36),
    constraint pk_webhook_delivery primary key (source, delivery_id)
);
create index ix_webhook_delivery_received on webhook_delivery (received_at);

-- How a source's CSV files map to our fields, saved with its first import.
create table import_mapping (
    source     varchar(80) not null primary key,
    mapping    ${text}     not null,
    updated_at ${instant}  not null,
    updated_by varchar(64) not null
);

-- One CSV import: run in the background by whichever node holds its lease, in batches that each commit whole
-- with the job's progress, so a restarted node goes on where the last batch ended.
create table import_job (
    id             char(36)      not null primary key,
    source         varchar(80)   not null,
    file_name      varchar(255)  not null,
    file_sha256    char(64)      not null,
    file_bytes     bigint        not null,
    mapping        ${text}       not null,
    history_before ${instant}    not null,
    status         varchar(10)   not null,
    rows_total     int           not null,
    rows_done      int           not null,
    stored         int           not null,
    cases          int           not null,
    already        int           not null,
    refused        int           not null,
    created_by     varchar(64)   not null,
    created_at     ${instant}    not null,
    started_at     ${instant},
    finished_at    ${instant},
    lease_owner    varchar(100),
    lease_until    ${instant},
    failure        varchar(2000)
);
create index ix_import_job_status on import_job (status, created_at);

-- The uploaded file, in parts, until its import has run: any node can read it.
create table import_file_part (
    job_id  char(36)  not null,
    part_no int       not null,
    data    ${binary} not null,
    constraint pk_import_file_part primary key (job_id, part_no),
    constraint fk_file_part_job foreign key (job_id) references import_job (id)
);

-- Rows an import refused, with what was wrong (the first 1,000 of a file).
create table import_problem (
    job_id  char(36)      not null,
    row_no  int           not null,
    field   varchar(200)  not null,
    message varchar(1000) not null,
    constraint fk_problem_job foreign key (job_id) references import_job (id)
);
create index ix_import_problem_job on import_problem (job_id, row_no);
