-- outbound webhooks: who hears of case events (Standard Webhooks, signed with the subscription's secret), and every
-- delivery, written in the transaction of the event it tells of and sent by whichever node leases it first

create table outbound_webhook_subscription (
    id          char(36)     not null primary key,
    url         varchar(500) not null,
    -- whsec_ and 32 random bytes in base64: shown once, when the subscription is added
    secret      varchar(100) not null,
    -- comma-separated event types, e.g. case.opened,case.breached
    events      varchar(300) not null,
    description varchar(200),
    created_at  ${instant}   not null,
    created_by  varchar(64)  not null
);

create table outbound_webhook_delivery (
    -- the webhook-id: the same on every attempt and replay, so the consumer can drop what it has seen
    id              varchar(40)   not null primary key,
    subscription_id char(36)      not null,
    event_type      varchar(40)   not null,
    case_id         char(36),
    payload         ${text}       not null,
    -- PENDING (due at next_attempt_at), SENT, FAILED (no retries left)
    status          varchar(10)   not null,
    attempts        int           not null,
    retries_left    int           not null,
    next_attempt_at ${instant}    not null,
    -- a node sends a delivery only while it holds the lease: two nodes never send the same delivery at once
    leased_by       varchar(100),
    leased_until    ${instant},
    last_attempt_at ${instant},
    response_code   int,
    last_error      varchar(1000),
    created_at      ${instant}    not null,
    delivered_at    ${instant}
);
-- what the dispatcher asks every few seconds: the due ones, oldest first
create index ix_outbound_webhook_due on outbound_webhook_delivery (status, next_attempt_at);
-- the delivery log, newest first
create index ix_outbound_webhook_created on outbound_webhook_delivery (created_at);
