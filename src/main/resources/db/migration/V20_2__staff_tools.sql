-- the tools staff use, as admins connect them on the Integrations screen: Slack and Teams incoming webhooks, the
-- help desk (Zendesk). url and secret are secrets (an incoming webhook's URL is its own credential): never shown back.
create table staff_tool (
    name       varchar(20)  not null primary key,
    url        varchar(500) not null,
    -- the help desk's agent email (API token auth); null for chats
    account    varchar(320),
    secret     varchar(500),
    changed_at ${instant}   not null,
    changed_by varchar(64)  not null
);

-- a case's help-desk ticket: one per case, opened on request from the case screen
create table help_desk_ticket (
    case_id    char(36)     not null primary key,
    ticket_id  bigint       not null,
    ticket_url varchar(500) not null,
    opened_at  ${instant}   not null,
    opened_by  varchar(64)  not null
);
