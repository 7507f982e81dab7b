-- Supervision: the SLA each case started with, what a breach was about, and who is away.
alter table follow_up_case add sla_due_at ${instant};
create index ix_case_opened on follow_up_case (opened_at);

alter table sla_breach add segment varchar(10);
alter table sla_breach add customer_name varchar(200);
create index ix_breach_group on sla_breach (candidate_group, breached_at);

-- Someone who is away gets no new work: they are not offered as an assignee, and a task the process
-- would give them goes to their group instead.
create table staff_availability (
    user_id    varchar(64)  not null primary key,
    away       boolean      not null,
    note       varchar(200),
    changed_by varchar(64)  not null,
    changed_at ${instant}   not null
);
