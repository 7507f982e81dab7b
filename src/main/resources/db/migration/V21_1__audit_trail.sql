-- Every human action, one row each, written and never changed by the app (README "Audit trail": the grants that
-- make that enforceable). No personal data of customers: targets are ids, reasons are the staff's own words.

create table audit_entry (
    -- in the order written: entries of one instant (a fixed test clock, a busy second) keep their order
    id             bigint       auto_increment primary key,
    at             ${instant}   not null,
    -- a user id, or the API client / "system" for what no person did
    actor          varchar(64)  not null,
    action         varchar(40)  not null,
    -- case, task, model, deployment, user, group, customer, export, engine-api
    target_kind    varchar(20)  not null,
    target         varchar(200),
    -- the case a task, a reassignment or an extension was about
    case_id        char(36),
    -- the client's address as the app sees it (a proxy's forwarded address only from Tomcat's trusted proxies)
    client_address varchar(64),
    reason         varchar(1000),
    detail         varchar(1000)
);

create index audit_entry_at on audit_entry (at);
create index audit_entry_actor_at on audit_entry (actor, at);
create index audit_entry_action_at on audit_entry (action, at);
create index audit_entry_target on audit_entry (target);
create index audit_entry_case on audit_entry (case_id);
