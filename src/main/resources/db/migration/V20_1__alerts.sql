-- alerts people want: each user's choices, and the alerts waiting for their digest (or for their quiet hours to end)

create table alert_preference (
    user_id      varchar(64)  not null primary key,
    -- daily or weekly, at 08:00 in the user's own zone (weekly: Mondays)
    digest_every varchar(10)  not null,
    -- quiet hours as minutes of the day in the user's zone; both null: none
    quiet_from   smallint,
    quiet_until  smallint,
    changed_at   ${instant}   not null
);

-- per event (case-opened, breach, escalation): as the policy says (no row), email at once, digest, in-app only
create table alert_subscription (
    user_id  varchar(64) not null,
    event    varchar(40) not null,
    delivery varchar(20) not null,
    primary key (user_id, event)
);

create table alert_digest_item (
    id         char(36)      not null primary key,
    -- the alert it comes from: written once per recipient, whatever retries the raising job had
    alert_key  varchar(200)  not null,
    -- a user id, or an email address that belongs to no user (an account manager named in a response)
    recipient  varchar(320)  not null,
    address    varchar(320)  not null,
    event      varchar(40)   not null,
    case_id    char(36),
    subject    varchar(300)  not null,
    body       varchar(4000),
    queued_at  ${instant}    not null,
    -- null: the next digest; else held through quiet hours until then
    held_until ${instant},
    sent_at    ${instant},
    constraint uk_digest_item unique (alert_key, recipient)
);
create index ix_digest_item_unsent on alert_digest_item (sent_at, recipient, queued_at);
