-- surveys: the invitations we send (and re-send as reminders), runs over lists, and who asked not to be surveyed
create table survey_run (
    id         char(36)     not null primary key,
    name       varchar(200) not null,
    touchpoint varchar(80)  not null,
    total      int          not null,
    paused     boolean      not null,
    created_by varchar(64),
    created_at ${instant}   not null,
    version    int          not null
);

create table survey_invitation (
    id                   char(36)      not null primary key,
    customer_external_id varchar(120)  not null,
    customer_name        varchar(200),
    email                varchar(320),
    phone                varchar(40),
    preferred_channel    varchar(10),
    tier                 varchar(40),
    language             varchar(10)   not null,
    touchpoint           varchar(80)   not null,
    -- a re-survey: the case whose recovery it measures
    follows_case_id      char(36),
    follows_score        int,
    run_id               char(36),
    -- SCHEDULED (waiting for send_after), SENT, ANSWERED, SKIPPED (a survey rule said no), FAILED
    status               varchar(12)   not null,
    reason               varchar(300),
    send_after           ${instant}    not null,
    attempts             int           not null,
    sent_at              ${instant},
    expires_at           ${instant},
    reminder_due_at      ${instant},
    reminded_at          ${instant},
    answered_at          ${instant},
    score                int,
    -- the case the answer opened (its id is the response's)
    case_id              char(36),
    created_at           ${instant}    not null,
    version              int           not null,
    constraint fk_invitation_run foreign key (run_id) references survey_run (id)
);
-- the postman's two queues: invitations due to be sent, reminders due
create index ix_invitation_due on survey_invitation (status, send_after);
create index ix_invitation_reminder on survey_invitation (status, reminder_due_at);
-- the quiet period: a customer's latest survey
create index ix_invitation_customer on survey_invitation (customer_external_id, sent_at);
create index ix_invitation_follows on survey_invitation (follows_case_id);
create index ix_invitation_case on survey_invitation (case_id);
create index ix_invitation_run on survey_invitation (run_id, status);

-- one row per customer who ever unsubscribed; resubscribed_at set while they are back in
create table survey_opt_out (
    customer_external_id varchar(120) not null primary key,
    unsubscribed_at      ${instant}   not null,
    resubscribed_at      ${instant},
    invitation_id        char(36)
);
