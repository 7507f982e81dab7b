-- The follow-up policy says all of it (issue 16): touchpoints, repeat detractors, promises, remedies, clocks per step,
-- and praise for more than a person.

-- intake: the touchpoint a response came from (purchase, installation, support call…), and the case it went to when
-- that is not a case of its own (a customer's low score again while their case is open joins that case)
alter table feedback_response add touchpoint varchar(80);
alter table feedback_response add case_id char(36);

-- casework: what the policy decided and what the agent promised, on the case
alter table follow_up_case add touchpoint varchar(80);
alter table follow_up_case add priority varchar(10) default 'NORMAL' not null;
alter table follow_up_case add follow_up varchar(10);
alter table follow_up_case add resolution_due_at ${instant};
alter table follow_up_case add promised_contact_at ${instant};
alter table follow_up_case add point_of_contact varchar(64);
create index ix_case_touchpoint on follow_up_case (touchpoint, opened_at);

-- a remedy the agent gave at an attempt (a credit, a refund, a gift card) and its amount, for the reports
alter table contact_attempt add remedy_type varchar(20);
alter table contact_attempt add remedy_amount decimal(14, 2);

-- A response that joined an open case instead of opening one: the case's timeline shows it, its priority rose.
create table case_repeat (
    response_id char(36)      not null primary key,
    case_id     char(36)      not null,
    score       int           not null,
    comment     varchar(4000),
    touchpoint  varchar(80),
    received_at ${instant}    not null,
    constraint fk_repeat_case foreign key (case_id) references follow_up_case (id)
);
create index ix_repeat_case on case_repeat (case_id, received_at);

-- identity: the directory praise is matched against holds employees, locations, teams and processes, each with the
-- manager who hears of it. Employees keep their first name as a name customers use.
create table directory_entry (
    id              char(36)     not null primary key,
    kind            varchar(10)  not null,
    name            varchar(200) not null,
    aliases         varchar(500),
    location        varchar(200),
    manager_user_id varchar(64)  not null
);
insert into directory_entry (id, kind, name, aliases, location, manager_user_id)
select id, 'EMPLOYEE', full_name,
       case when aliases is null or aliases = '' then first_name else concat(first_name, ',', aliases) end,
       location, manager_user_id
from employee;
drop table employee;
