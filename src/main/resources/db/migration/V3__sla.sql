-- sla: every breach of a contact SLA
create table sla_breach (
    id                  char(36)     not null primary key,
    case_id             char(36)     not null,
    process_instance_id varchar(64)  not null,
    activity_id         varchar(255),
    due_at              ${instant}   not null,
    breached_at         ${instant}   not null,
    candidate_group     varchar(64),
    assignee_at_breach  varchar(64),
    acknowledged_by     varchar(64),
    acknowledged_at     ${instant}
);
create index ix_breach_case on sla_breach (case_id);
create index ix_breach_breached_at on sla_breach (breached_at);
