-- casework: cases, their contact attempts, and the tasklist's projection of open engine tasks
create table follow_up_case (
    id                   char(36)     not null primary key,
    process_instance_id  varchar(64),
    status               varchar(20)  not null,
    outcome              varchar(30),
    segment              varchar(10)  not null,
    score                int          not null,
    comment              varchar(4000),
    customer_external_id varchar(120) not null,
    customer_name        varchar(200),
    customer_email       varchar(320),
    customer_phone       varchar(40),
    preferred_channel    varchar(10),
    customer_tier        varchar(40),
    source               varchar(80),
    responded_at         ${instant},
    opened_at            ${instant}   not null,
    first_contact_at     ${instant},
    closed_at            ${instant},
    version              int          not null
);
create index ix_case_status_opened on follow_up_case (status, opened_at);
create index ix_case_customer on follow_up_case (customer_external_id);

create table contact_attempt (
    id           char(36)     not null primary key,
    case_id      char(36)     not null,
    attempt_no   int          not null,
    channel      varchar(10)  not null,
    outcome      varchar(30)  not null,
    notes        varchar(4000),
    agent        varchar(64)  not null,
    attempted_at ${instant}   not null,
    constraint fk_attempt_case foreign key (case_id) references follow_up_case (id)
);
create index ix_attempt_case on contact_attempt (case_id, attempt_no);

-- Written by a task listener in the engine's transaction; the tasklist pages through it by due time.
create table open_task (
    id                  varchar(64)  not null primary key,
    process_instance_id varchar(64)  not null,
    process_key         varchar(255) not null,
    business_key        varchar(255),
    case_id             char(36),
    task_key            varchar(255) not null,
    name                varchar(255),
    candidate_group     varchar(64),
    assignee            varchar(64),
    due_at              ${instant},
    created_at          ${instant}   not null
);
create index ix_open_task_group_due on open_task (candidate_group, assignee, due_at);
create index ix_open_task_assignee_due on open_task (assignee, due_at);
create index ix_open_task_case on open_task (case_id);
