-- insight: themes kept in the database (editable by process owners), every response tagged, spikes, and
-- improvement actions that start from a theme

create table theme (
    id         char(36)    not null primary key,
    name       varchar(80) not null,
    -- who hears of a spike; a user id from the directory
    owner      varchar(64),
    created_by varchar(64) not null,
    created_at ${instant}  not null,
    -- above its usual range now; an alert went to the owner when it rose (cleared when it falls back)
    spiking    boolean default false not null,
    constraint uk_theme_name unique (name)
);

-- The words and phrases that signal a theme, per language (a comment is matched in its own language).
create table theme_keyword (
    theme_id char(36)    not null,
    language varchar(8)  not null,
    phrase   varchar(80) not null,
    primary key (theme_id, language, phrase),
    constraint fk_keyword_theme foreign key (theme_id) references theme (id)
);

-- One row: the taxonomy's version, raised by every change to a theme, and the lease of the node that retags
-- the responses tagged with an older version.
create table theme_taxonomy (
    id          int          not null primary key,
    version     bigint       not null,
    changed_at  ${instant}   not null,
    lease_owner varchar(100),
    lease_until ${instant}
);
insert into theme_taxonomy (id, version, changed_at) values (1, 1, current_timestamp);

-- What insight keeps of every response, from intake's events: enough to tag it, retag it, and weigh its themes
-- (trends, NPS drag, revenue at risk) without reading another module's tables.
create table customer_voice (
    response_id    char(36)      not null primary key,
    responded_at   ${instant}    not null,
    -- the Monday (UTC) of the week it was answered, for weekly trends in plain SQL on both databases
    week           date,
    score          int           not null,
    segment        varchar(10)   not null,
    comment        varchar(4000),
    language       varchar(8),
    customer_ref   varchar(120)  not null,
    lifetime_value decimal(14, 2),
    -- false for history rows: they feed trends but have no case to link to an action
    opened_case    boolean       not null,
    -- the taxonomy version its keyword tags come from; older ones are retagged in the background
    tagged_version bigint        not null,
    -- an agent decided this response's themes: keywords no longer change them
    judged_by      varchar(64),
    judged_at      ${instant}
);
create index ix_voice_retag on customer_voice (tagged_version);
create index ix_voice_responded on customer_voice (responded_at);
create index ix_voice_customer on customer_voice (customer_ref, responded_at);

-- A response speaks of a theme: found by its keywords, or decided by the agent who resolved its case.
create table response_theme (
    response_id char(36)    not null,
    theme_id    char(36)    not null,
    origin      varchar(10) not null,
    primary key (response_id, theme_id)
);
create index ix_response_theme on response_theme (theme_id, response_id);

-- Every agent's decision about a response's themes, as it was made.
create table theme_judgement (
    id            char(36)      not null primary key,
    response_id   char(36)      not null,
    judged_by     varchar(64)   not null,
    judged_at     ${instant}    not null,
    themes_before varchar(2000) not null,
    themes_after  varchar(2000) not null
);
create index ix_theme_judgement on theme_judgement (response_id, judged_at);

-- Each time a theme rose beyond its usual range, with the figures that said so.
create table theme_spike (
    theme_id    char(36)       not null,
    detected_at ${instant}     not null,
    mentions    int            not null,
    usual_mean  decimal(10, 2) not null,
    usual_sd    decimal(10, 2) not null,
    threshold   decimal(10, 2) not null,
    primary key (theme_id, detected_at)
);

alter table improvement_action add column theme_id char(36);
alter table improvement_action add column expected_impact varchar(500);
create index ix_improvement_theme on improvement_action (theme_id, status);
-- how a case came to wait on the action: an agent's resolution, chosen when the action was created, or a new
-- response that speaks of the action's theme while the action is open
alter table linked_case add column linked_by varchar(10) default 'resolution' not null;

-- Responses stored before themes were: tagged by the background job at the next start (version 0 < 1).
insert into customer_voice (response_id, responded_at, score, segment, comment, customer_ref, lifetime_value,
                            opened_case, tagged_version)
select r.id, r.responded_at, r.score, r.segment, r.comment, c.external_id, c.lifetime_value, not r.history, 0
from feedback_response r join customer c on c.id = r.customer_id;
