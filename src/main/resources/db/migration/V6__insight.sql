-- insight: improvement actions and the cases waiting on them
create table improvement_action (
    id                     char(36)      not null primary key,
    title                  varchar(200)  not null,
    description            varchar(4000),
    root_cause             varchar(40),
    owner                  varchar(64)   not null,
    deadline               ${instant}    not null,
    status                 varchar(20)   not null,
    process_instance_id    varchar(64),
    implementation_summary varchar(4000),
    verification_notes     varchar(2000),
    created_by             varchar(64)   not null,
    created_at             ${instant}    not null,
    implemented_at         ${instant},
    verified_at            ${instant},
    announced_at           ${instant},
    version                int           not null
);
create index ix_improvement_status on improvement_action (status, deadline);

create table linked_case (
    action_id char(36)   not null,
    case_id   char(36)   not null,
    linked_at ${instant} not null,
    primary key (action_id, case_id),
    constraint fk_linked_action foreign key (action_id) references improvement_action (id)
);
create index ix_linked_case on linked_case (case_id);
