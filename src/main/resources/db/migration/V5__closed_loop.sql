-- The whole closed loop: how a case ended, its resolution, SLA extensions.
alter table follow_up_case add closed_as varchar(20);
alter table follow_up_case add contact_agent varchar(64);
alter table follow_up_case add thanked_at ${instant};
alter table follow_up_case add resolved_at ${instant};
alter table follow_up_case add last_reply_at ${instant};
alter table follow_up_case add fix_notified_at ${instant};
alter table follow_up_case add improvement_action_id char(36);
create index ix_case_improvement_action on follow_up_case (improvement_action_id);

create table resolution (
    id                    char(36)      not null primary key,
    case_id               char(36)      not null,
    summary               varchar(4000) not null,
    root_cause            varchar(40)   not null,
    why1                  varchar(500),
    why2                  varchar(500),
    why3                  varchar(500),
    why4                  varchar(500),
    why5                  varchar(500),
    fixed_now             boolean       not null,
    systemic              boolean       not null,
    improvement_action_id char(36),
    logged_by             varchar(64)   not null,
    logged_at             ${instant}    not null,
    constraint uk_resolution_case unique (case_id),
    constraint fk_resolution_case foreign key (case_id) references follow_up_case (id)
);
create index ix_resolution_root_cause on resolution (root_cause, logged_at);

-- sla: what supervisors decided about a breach, and every extension of a due time
alter table sla_breach add decision varchar(20);
alter table sla_breach add decision_reason varchar(2000);

create table sla_extension (
    id            char(36)      not null primary key,
    case_id       char(36)      not null,
    previous_due  ${instant}    not null,
    new_due       ${instant}    not null,
    reason        varchar(2000) not null,
    extended_by   varchar(64)   not null,
    extended_at   ${instant}    not null
);
create index ix_extension_case on sla_extension (case_id);
