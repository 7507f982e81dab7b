-- outreach: every message sent (one row per delivery key, its attempts counted) and in-app staff alerts
create table notification (
    id              char(36)      not null primary key,
    -- the caller's name for this send; a second send with the same key finds this row and stops
    delivery_key    varchar(300)  not null,
    case_id         char(36),
    channel         varchar(10)   not null,
    step            varchar(20),
    recipient       varchar(320)  not null,
    template        varchar(100)  not null,
    status          varchar(10)   not null,
    attempts        int           not null,
    created_at      ${instant}    not null,
    last_attempt_at ${instant},
    sent_at         ${instant},
    last_error      varchar(1000),
    version         int           not null,
    constraint uk_notification_delivery_key unique (delivery_key)
);
create index ix_notification_case on notification (case_id, created_at);

create table staff_alert (
    id           char(36)      not null primary key,
    alert_key    varchar(200)  not null,
    case_id      char(36),
    target_group varchar(64),
    target_user  varchar(64),
    kind         varchar(40)   not null,
    subject      varchar(300)  not null,
    body         varchar(4000),
    created_at   ${instant}    not null,
    read_at      ${instant},
    read_by      varchar(64),
    constraint uk_staff_alert_key unique (alert_key)
);
create index ix_staff_alert_group on staff_alert (target_group, read_at, created_at);
create index ix_staff_alert_user on staff_alert (target_user, read_at, created_at);
